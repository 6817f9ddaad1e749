/**
 * The photos of the post being composed, under the editor: each one's upload (progress,
 * or why it failed, with Try again), and its alt text (required), caption and credit,
 * edited straight into the image node. The composer points at a photo's alt field when
 * something stops the post (image-uploads.ts: imageProblems).
 */
import type { Editor, JSONContent } from '@tiptap/core';
import { useEffect, useState } from 'preact/hooks';
import { imageProblems, retryUpload, setNodeAttrs, type UploadTarget } from './image-uploads.js';
import { percent } from './media-upload.js';
import { TextField } from './ui.js';
import { dropUpload, onUploads, uploadState } from './upload-state.js';

export const photoAltId = (idPrefix: string, n: number) => `${idPrefix}-image-${n}-alt`;

/**
 * The messages shown at photos, by number. `stop(doc)` shows what stops the post and
 * focuses the first photo's alt field (true when something does); `recheck(doc)`, after
 * each change, drops the messages put right (alt typed, upload done).
 */
export function usePhotoErrors(idPrefix: string) {
  const [errors, setErrors] = useState<Record<number, string>>({});
  const messages = (doc: JSONContent, keep?: Record<number, string>) =>
    Object.fromEntries(imageProblems(doc).filter((p) => !keep || keep[p.n]).map((p) => [p.n, p.message]));
  const stop = (doc: JSONContent): boolean => {
    const now = messages(doc);
    setErrors(now);
    const first = Object.keys(now)[0];
    if (first) setTimeout(() => document.getElementById(photoAltId(idPrefix, Number(first)))?.focus());
    return first !== undefined;
  };
  const recheck = (doc: JSONContent) => setErrors((shown) => (Object.keys(shown).length === 0 ? shown : messages(doc, shown)));
  return { errors, stop, recheck };
}

interface Props {
  editor: Editor;
  idPrefix: string;
  /** Messages by photo number (from 1). */
  errors: Record<number, string>;
  upload: UploadTarget | undefined;
}

export function PostImages({ editor, idPrefix, errors, upload }: Props) {
  const [, setTick] = useState(0);
  useEffect(() => onUploads(() => setTick((n) => n + 1)), []);
  const images: { pos: number; size: number; attrs: Record<string, unknown> }[] = [];
  editor.state.doc.forEach((node, pos) => {
    if (node.type.name === 'image') images.push({ pos, size: node.nodeSize, attrs: node.attrs });
  });
  if (images.length === 0) return null;
  return (
    <div class="nr-photos">
      {images.map(({ pos, size, attrs }, i) => {
        const n = i + 1;
        const id = `${idPrefix}-image-${n}`;
        const uploadId = typeof attrs.uploadId === 'string' ? attrs.uploadId : null;
        const up = uploadId ? uploadState(uploadId) : undefined;
        const set = (name: string) => (v: string) => setNodeAttrs(editor, pos, { [name]: v === '' ? null : v });
        const value = (name: string) => (typeof attrs[name] === 'string' ? (attrs[name] as string) : '');
        const failure = uploadId && !up ? 'Not uploaded: the file is no longer here. Remove the photo and add it again.' : up?.error;
        return (
          <fieldset class="nr-photo" key={i}>
            <legend>Photo {n}</legend>
            <div class="nr-photo__head">
              {typeof attrs.src === 'string' && attrs.src && <img class="nr-photo__thumb" src={attrs.src} alt="" />}
              <div class="nr-photo__status" aria-live="polite">
                {up && !up.error && (
                  <>
                    <progress max={100} value={Math.round(up.progress * 100)} aria-label={`Photo ${n} upload`} />
                    <span>Uploading {percent(up.progress)}</span>
                  </>
                )}
                {failure && <p class="nr-field__error">{failure}</p>}
                <div class="nr-actions">
                  {up?.error && upload && (
                    <button type="button" class="nr-button" onClick={() => retryUpload(editor, upload, uploadId!)}>
                      Try again
                    </button>
                  )}
                  <button
                    type="button"
                    class="nr-button"
                    onClick={() => {
                      editor.view.dispatch(editor.state.tr.delete(pos, pos + size));
                      if (uploadId) dropUpload(uploadId);
                    }}
                  >
                    Remove photo {n}
                  </button>
                </div>
              </div>
            </div>
            <TextField
              id={`${id}-alt`}
              label="Alt text (required)"
              hint="What the photo shows, for people who cannot see it."
              value={value('alt')}
              onValue={set('alt')}
              maxLength={1000}
              error={errors[n]}
            />
            <TextField id={`${id}-caption`} label="Caption" value={value('caption')} onValue={set('caption')} maxLength={1000} />
            <TextField id={`${id}-credit`} label="Credit" value={value('credit')} onValue={set('credit')} maxLength={200} />
          </fieldset>
        );
      })}
    </div>
  );
}
