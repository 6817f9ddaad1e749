/**
 * The body editor's toolbar; its small forms are link-form.tsx and media-form.tsx. Buttons keep
 * the editor's selection (mousedown does not steal focus) and say whether their format
 * is on (aria-pressed), so screen-reader users hear the same state sighted users see.
 */
import type { Editor } from '@tiptap/core';
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { UploadTarget } from './image-uploads.js';
import { LinkForm } from './link-form.js';
import { MEDIA_NAMES, MediaForm } from './media-form.js';
import { selectedMedia, type MediaKind } from './media-nodes.js';

/** Stroke icons (24×24), drawn here rather than with emoji, which not every device has. */
const ICONS = {
  link: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
  image: 'M4 5h16v14H4zM4 16l5-5 4 4 2-2 5 5M15.5 9.5h.01',
  video: 'M4 6h11v12H4zM15 10l5-3v10l-5-3',
  embed: 'M9 8l-4 4 4 4M15 8l4 4-4 4',
  bullets: 'M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01',
  numbers: 'M10 6h10M10 12h10M10 18h10M4 4.5h1.5V9M4 15h3l-3 4h3',
  quote: 'M5 17c2-1 3-3 3-6V7H4v4h4M14 17c2-1 3-3 3-6V7h-4v4h4',
  undo: 'M9 14L4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11',
  redo: 'M15 14l5-5-5-5M20 9H9.5a5.5 5.5 0 0 0 0 11H13',
} as const;

function Icon({ name }: { name: keyof typeof ICONS }) {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">
      <path d={ICONS[name]} />
    </svg>
  );
}

interface ToolProps {
  label: string;
  shortcut?: string;
  pressed?: boolean;
  disabled?: boolean;
  onRun: () => void;
  text: string | JSX.Element;
}

function Tool({ label, shortcut, pressed, disabled, onRun, text }: ToolProps) {
  return (
    <button
      type="button"
      class="nr-tool"
      aria-label={label}
      title={shortcut ? `${label} (${shortcut})` : label}
      aria-pressed={pressed === undefined ? undefined : pressed ? 'true' : 'false'}
      disabled={disabled}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onRun}
    >
      {typeof text === 'string' ? <span aria-hidden="true">{text}</span> : text}
    </button>
  );
}

type Panel = { type: 'link' } | { type: 'media'; kind: MediaKind; editing: boolean } | null;

export interface ToolbarProps {
  editor: Editor;
  idPrefix: string;
  /** Set by the composer when Ctrl/Cmd+K asks for the link form. */
  linkRequest: number;
  /** Where photos upload to; without it images are added by address only. */
  upload?: UploadTarget | undefined;
}

export function Toolbar({ editor, idPrefix, linkRequest, upload }: ToolbarProps) {
  const [panel, setPanel] = useState<Panel>(null);
  useEffect(() => {
    if (linkRequest > 0) setPanel({ type: 'link' });
  }, [linkRequest]);
  const chain = () => editor.chain().focus();
  const bar = useRef<HTMLDivElement>(null);
  const roving = useRoving(bar);
  const media = selectedMedia(editor);
  // A quote's source is typed under the quote itself (quote-view.ts), so the text never moves.
  const inQuote = editor.isActive('blockquote');
  const mod = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';
  return (
    <div class="nr-toolbar-wrap">
      <div class="nr-toolbar" role="toolbar" aria-label="Formatting" aria-controls={`${idPrefix}-body`} ref={bar} onKeyDown={roving.onKeyDown} onFocusCapture={roving.onFocus}>
        <Tool label="Bold" shortcut={`${mod}B`} text="B" pressed={editor.isActive('bold')} onRun={() => chain().toggleBold().run()} />
        <Tool label="Italic" shortcut={`${mod}I`} text="I" pressed={editor.isActive('italic')} onRun={() => chain().toggleItalic().run()} />
        <Tool label="Link" shortcut={`${mod}K`} text={<Icon name="link" />} pressed={editor.isActive('link')} onRun={() => setPanel({ type: 'link' })} />
        <Tool label="Heading" text="H" pressed={editor.isActive('heading')} onRun={() => chain().toggleHeading({ level: 3 }).run()} />
        <Tool label="Bulleted list" text={<Icon name="bullets" />} pressed={editor.isActive('bulletList')} onRun={() => chain().toggleBulletList().run()} />
        <Tool label="Numbered list" text={<Icon name="numbers" />} pressed={editor.isActive('orderedList')} onRun={() => chain().toggleOrderedList().run()} />
        <Tool label="Quote" text={<Icon name="quote" />} pressed={inQuote} onRun={() => chain().toggleBlockquote().run()} />
        <Tool label="Add image" text={<Icon name="image" />} onRun={() => setPanel({ type: 'media', kind: 'image', editing: false })} />
        <Tool label="Add video" text={<Icon name="video" />} onRun={() => setPanel({ type: 'media', kind: 'video', editing: false })} />
        <Tool label="Add embed" text={<Icon name="embed" />} onRun={() => setPanel({ type: 'media', kind: 'embed', editing: false })} />
        <Tool label="Undo" shortcut={`${mod}Z`} text={<Icon name="undo" />} disabled={!editor.can().undo()} onRun={() => chain().undo().run()} />
        <Tool label="Redo" shortcut={`${mod}Shift+Z`} text={<Icon name="redo" />} disabled={!editor.can().redo()} onRun={() => chain().redo().run()} />
      </div>
      {media && panel === null && (
        <p class="nr-toolbar__context">
          <button type="button" class="nr-button nr-button--small" onClick={() => setPanel({ type: 'media', kind: media.kind, editing: true })}>
            Edit {MEDIA_NAMES[media.kind]}
          </button>{' '}
          <button type="button" class="nr-button nr-button--small" onClick={() => chain().deleteSelection().run()}>
            Remove {MEDIA_NAMES[media.kind]}
          </button>
        </p>
      )}
      {panel?.type === 'link' && <LinkForm editor={editor} idPrefix={idPrefix} onClose={() => setPanel(null)} />}
      {panel?.type === 'media' && (
        <MediaForm
          editor={editor}
          idPrefix={idPrefix}
          kind={panel.kind}
          initial={panel.editing ? (media?.attrs ?? {}) : {}}
          editing={panel.editing}
          upload={upload}
          onClose={() => setPanel(null)}
        />
      )}
    </div>
  );
}

/**
 * The ARIA toolbar pattern: the toolbar is one Tab stop (the button last used), and the
 * arrow keys, Home and End move between its buttons. Disabled buttons are skipped.
 */
function useRoving(bar: { current: HTMLDivElement | null }) {
  const current = useRef(0);
  const buttons = () => [...(bar.current?.querySelectorAll<HTMLButtonElement>(':scope > button') ?? [])];
  useEffect(() => {
    const all = buttons();
    const enabled = all.filter((b) => !b.disabled);
    if (!enabled.includes(all[current.current]!)) current.current = all.indexOf(enabled[0]!);
    all.forEach((b, i) => (b.tabIndex = i === current.current ? 0 : -1));
  });
  const onFocus = (e: FocusEvent) => {
    const i = buttons().indexOf(e.target as HTMLButtonElement);
    if (i < 0) return;
    current.current = i;
    buttons().forEach((b, k) => (b.tabIndex = k === i ? 0 : -1));
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const all = buttons();
    const enabled = all.filter((b) => !b.disabled);
    const at = enabled.indexOf(all[current.current]!);
    const to = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: enabled.length - 1 }[e.key];
    if (to === undefined || enabled.length === 0) return;
    e.preventDefault();
    enabled[(to + enabled.length) % enabled.length]!.focus();
  };
  return { onFocus, onKeyDown };
}
