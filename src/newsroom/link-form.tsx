/**
 * The toolbar's link form (also Ctrl/Cmd+K): sets, changes or removes the link on the
 * selection, or inserts the address as a linked text when nothing is selected. Only
 * addresses the API accepts (http, https, mailto) are taken.
 */
import type { Editor } from '@tiptap/core';
import { useEffect, useRef, useState } from 'preact/hooks';
import { cleanHref } from './inline-markdown.js';
import { TextField } from './ui.js';

export function LinkForm({ editor, idPrefix, onClose }: { editor: Editor; idPrefix: string; onClose: () => void }) {
  const [href, setHref] = useState(String(editor.getAttributes('link').href ?? ''));
  const [error, setError] = useState<string>();
  const input = useRef<HTMLDivElement>(null);
  useEffect(() => input.current?.querySelector('input')?.focus(), []);
  const apply = () => {
    if (href.trim() === '') {
      editor.chain().focus().extendMarkRange('link').unsetLink().run();
      return onClose();
    }
    const url = cleanHref(href.trim());
    if (!url) return setError('Use a full address starting with https://, http:// or mailto:.');
    const { empty } = editor.state.selection;
    if (empty && !editor.isActive('link')) {
      editor.chain().focus().insertContent({ type: 'text', text: url, marks: [{ type: 'link', attrs: { href: url } }] }).run();
    } else editor.chain().focus().extendMarkRange('link').setLink({ href: url }).run();
    onClose();
  };
  return (
    <div
      class="nr-popover"
      ref={input}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          apply();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
          editor.commands.focus();
        }
      }}
    >
      <TextField id={`${idPrefix}-link`} label="Link address" type="url" value={href} onValue={setHref} error={error} placeholder="https://" />
      <div class="nr-actions">
        <button type="button" class="nr-button nr-button--primary" onClick={apply}>
          Apply link
        </button>
        {editor.isActive('link') && (
          <button
            type="button"
            class="nr-button"
            onClick={() => {
              editor.chain().focus().extendMarkRange('link').unsetLink().run();
              onClose();
            }}
          >
            Remove link
          </button>
        )}
        <button
          type="button"
          class="nr-button"
          onClick={() => {
            onClose();
            editor.commands.focus();
          }}
        >
          Cancel
        </button>
      </div>
    </div>
  );
}
