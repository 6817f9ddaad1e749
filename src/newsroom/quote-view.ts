/**
 * A quote inside the editor, with its source typed right under it ("— A spokesman").
 * The source field used to open above the editor when the caret entered a quote, which
 * pushed the text down ~150 px under the journalist's eyes; here it is always part of the
 * quote, so nothing moves. The field is plain DOM outside ProseMirror's content
 * (contenteditable=false): its events and mutations are its own (stopEvent, ignoreMutation).
 */
import type { Node as PmNode } from '@tiptap/pm/model';
import type { EditorView } from '@tiptap/pm/view';

export function quoteView(first: PmNode, view: EditorView, getPos: () => number | undefined) {
  let node = first;
  const dom = document.createElement('div');
  dom.className = 'nr-quote';
  const contentDOM = document.createElement('blockquote');
  const source = document.createElement('label');
  source.className = 'nr-quote__source';
  source.contentEditable = 'false';
  const name = document.createElement('span');
  name.textContent = 'Quote source';
  const input = document.createElement('input');
  input.type = 'text';
  input.maxLength = 500;
  input.autocomplete = 'off';
  input.placeholder = 'Who said it (optional)';
  input.value = typeof node.attrs.cite === 'string' ? node.attrs.cite : '';
  input.addEventListener('input', () => {
    const pos = getPos();
    if (pos === undefined) return;
    view.dispatch(view.state.tr.setNodeAttribute(pos, 'cite', input.value.trim() === '' ? null : input.value));
  });
  // Enter in the source goes back to the quote's text, as the end of a field would.
  input.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    view.focus();
  });
  source.append(name, input);
  dom.append(contentDOM, source);
  return {
    dom,
    contentDOM,
    update(next: PmNode) {
      if (next.type !== node.type) return false;
      node = next;
      const cite = typeof next.attrs.cite === 'string' ? next.attrs.cite : '';
      // Undo, a colleague's version taken: show it, unless it is what is being typed.
      if (document.activeElement !== input && input.value !== cite) input.value = cite;
      return true;
    },
    stopEvent: (e: Event) => source.contains(e.target as globalThis.Node),
    ignoreMutation: (m: MutationRecord | { type: 'selection'; target: globalThis.Node }) => source.contains(m.target),
  };
}
