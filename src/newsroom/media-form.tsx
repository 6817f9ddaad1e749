/**
 * The toolbar's form for adding or editing an image, a video or an embed: its address and
 * words (alt text, caption, credit, poster); for a new image, a photo chosen, uploaded or
 * picked from the page's library instead (image-picker.tsx).
 */
import type { Editor } from '@tiptap/core';
import { useEffect, useRef, useState } from 'preact/hooks';
import { HTTP_URL, MEDIA_URL } from './constants.js';
import { ImagePicker } from './image-picker.js';
import { startUpload, type UploadTarget } from './image-uploads.js';
import { insertMedia, MEDIA_ATTRS, type MediaKind } from './media-nodes.js';
import { pickedImage } from './media-upload.js';
import { TextField } from './ui.js';

export const MEDIA_NAMES: Record<MediaKind, string> = { image: 'image', video: 'video', embed: 'embed' };

const PICTURE_FACTS: readonly string[] = ['width', 'height', 'mediaId', 'color'];

const FIELD_LABELS: Record<string, string> = { alt: 'Alt text', caption: 'Caption', credit: 'Credit', poster: 'Poster image address' };

export function MediaForm(props: { editor: Editor; idPrefix: string; kind: MediaKind; initial: Record<string, unknown>; editing: boolean; upload?: UploadTarget | undefined; onClose: () => void }) {
  const { editor, kind } = props;
  // Facts of the picture itself (its size, which of ours it is, its colour) are not typed.
  const fields = MEDIA_ATTRS[kind].filter((a) => !PICTURE_FACTS.includes(a));
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((f) => [f, props.initial[f] == null ? '' : String(props.initial[f])])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.querySelector('input')?.focus(), []);
  const urlField = kind === 'embed' ? 'url' : 'src';
  const noun = MEDIA_NAMES[kind];
  const submit = () => {
    const e: Record<string, string> = {};
    const url = values[urlField]!.trim();
    const ok = (kind === 'embed' ? HTTP_URL : MEDIA_URL).test(url);
    if (!ok) e[urlField] = `Give the ${noun}'s address, starting with https://.`;
    if (kind === 'image' && !values.alt!.trim()) e.alt = 'Describe the image for people who cannot see it.';
    if (values.poster && !MEDIA_URL.test(values.poster.trim())) e.poster = 'Give the poster image address, starting with https://.';
    setErrors(e);
    if (Object.keys(e).length > 0) return;
    const attrs: Record<string, unknown> = Object.fromEntries(fields.map((f) => [f, values[f]!.trim() || null]));
    // Another address is another picture: its size, identity and colour no longer apply.
    if (props.editing && kind === 'image' && attrs.src !== props.initial.src) for (const f of PICTURE_FACTS) attrs[f] = null;
    if (props.editing) editor.chain().focus().updateAttributes(kind, attrs).run();
    else insertMedia(editor, kind, attrs);
    props.onClose();
  };
  const label = (f: string) => (f === urlField ? `${noun[0]!.toUpperCase()}${noun.slice(1)} address` : FIELD_LABELS[f]!);
  return (
    <div
      class="nr-popover"
      ref={box}
      role="group"
      aria-label={`${props.editing ? 'Edit' : 'Add'} ${noun}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          props.onClose();
          editor.commands.focus();
        } else if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT' && (e.target as HTMLInputElement).type !== 'file') {
          e.preventDefault();
          submit();
        }
      }}
    >
      {kind === 'image' && !props.editing && props.upload && (
        <>
          <ImagePicker
            id={`${props.idPrefix}-image-source`}
            slug={props.upload.slug}
            onFile={(file) => {
              props.onClose();
              startUpload(editor, props.upload!, file);
            }}
            onPick={(item) => {
              props.onClose();
              insertMedia(editor, 'image', { ...pickedImage(item) });
            }}
          />
          <p class="nr-field__hint">Or give the address of an image on the web:</p>
        </>
      )}
      {fields.map((f) => (
        <TextField
          key={f}
          id={`${props.idPrefix}-${kind}-${f}`}
          label={label(f)}
          type={f === urlField || f === 'poster' ? 'url' : 'text'}
          value={values[f]!}
          onValue={(v) => setValues({ ...values, [f]: v })}
          error={errors[f]}
          hint={f === 'url' ? 'A YouTube, X or other page address; readers load it only when they choose to.' : undefined}
        />
      ))}
      <div class="nr-actions">
        <button type="button" class="nr-button nr-button--primary" onClick={submit}>
          {props.editing ? `Update ${noun}` : `Insert ${noun}`}
        </button>
        <button
          type="button"
          class="nr-button"
          onClick={() => {
            props.onClose();
            editor.commands.focus();
          }}
        >
          Cancel
        </button>
      </div>
    </div>
  );
}
