/**
 * The newsroom's Tiptap editor, kept to the API's block set (SPEC §2): paragraphs,
 * headings, bullet and numbered lists, quotes (with a source), links, bold and italic,
 * images, videos and embeds by URL. Anything else pasted in falls back to these, so
 * src/newsroom/blocks.ts maps a document to blocks one to one.
 */
import { Editor, Extension, Node, type JSONContent } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { Plugin, TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { HTTP_URL } from './constants.js';
import { embedView } from './embed-view.js';
import { imageView } from './image-view.js';
import { quoteView } from './quote-view.js';
import { MEDIA_ATTRS, type MediaKind } from './media-nodes.js';
import { cleanHref } from './inline-markdown.js';
import { imageFiles } from './media-upload.js';

const dataAttr = (name: string) => ({
  default: null,
  parseHTML: (el: HTMLElement) => el.getAttribute(`data-${name}`),
  renderHTML: (attrs: Record<string, unknown>) => (attrs[name] == null || attrs[name] === '' ? {} : { [`data-${name}`]: String(attrs[name]) }),
});

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** An atom node shown as a captioned card; its fields are edited in a form, not inline. */
function mediaNode(kind: MediaKind) {
  return Node.create({
    name: kind,
    group: 'block',
    atom: true,
    selectable: true,
    draggable: true,
    addAttributes() {
      const attrs: Record<string, object> = Object.fromEntries(MEDIA_ATTRS[kind].map((a) => [a, dataAttr(a)]));
      // A photo still uploading (image-uploads.ts): never in HTML, never a block.
      if (kind === 'image') attrs.uploadId = { default: null, rendered: false, parseHTML: () => null };
      return attrs;
    },
    ...(kind === 'image' ? { addNodeView: () => imageView } : kind === 'embed' ? { addNodeView: () => embedView } : {}),
    parseHTML() {
      const rules: { tag: string; getAttrs?: (el: HTMLElement) => Record<string, unknown> }[] = [{ tag: `figure[data-media="${kind}"]` }];
      // Pasted images from elsewhere keep their address and alt text.
      if (kind === 'image') rules.push({ tag: 'img[src]', getAttrs: (el) => ({ src: el.getAttribute('src'), alt: el.getAttribute('alt') }) });
      return rules;
    },
    renderHTML({ node, HTMLAttributes }) {
      const a = node.attrs;
      const caption = [text(a.caption), a.credit ? `Credit: ${text(a.credit)}` : ''].filter(Boolean).join(' · ');
      const figure = { ...HTMLAttributes, 'data-media': kind, class: `nr-media nr-media--${kind}` };
      if (kind === 'image') return ['figure', figure, ['img', { src: text(a.src), alt: text(a.alt) }], ['figcaption', {}, caption || `Image: ${text(a.alt) || 'no alt text'}`]];
      const label = kind === 'video' ? 'Video' : 'Embed';
      return ['figure', figure, ['p', { class: 'nr-media__kind' }, `${label}: ${text(kind === 'video' ? a.src : a.url)}`], ['figcaption', {}, caption]];
    },
  });
}

/** A quote's source line ("A spokesman"), kept on the blockquote node and typed under the quote. */
const QuoteCite = Extension.create({
  name: 'quoteCite',
  addGlobalAttributes() {
    return [{ types: ['blockquote'], attributes: { cite: dataAttr('cite') } }];
  },
  addProseMirrorPlugins() {
    return [new Plugin({ props: { nodeViews: { blockquote: quoteView } } })];
  },
});

export interface EditorOptions {
  element: HTMLElement;
  content: JSONContent;
  /** The id of the visible label naming the editor ("Body"). */
  labelledBy: string;
  /** Extra ids for aria-describedby (errors, hints). */
  describedBy?: string;
  /** Ctrl/Cmd+K: open the link form. */
  onLinkShortcut?: () => void;
  /** Image files pasted or dropped in (at `at` when dropped); without it they are left to the browser. */
  onImageFiles?: (files: File[], at?: number) => void;
  /**
   * A page's summary: the document is one bullet list and nothing else, so every line
   * typed is a key point. (With the usual document, a trailing paragraph after the list
   * caught clicks and typing below it, and Enter on an empty point left the list.)
   */
  summary?: boolean;
}

/** The summary's document: exactly one bullet list. */
const SummaryDocument = Node.create({ name: 'doc', topNode: true, content: 'bulletList' });

/** In the summary, Enter on an empty key point does nothing: there is nowhere else to go. */
const SummaryKeys = Extension.create({
  name: 'summaryKeys',
  priority: 1000,
  addKeyboardShortcuts() {
    return {
      Enter: ({ editor }) => {
        const { $from, empty } = editor.state.selection;
        return empty && $from.parent.type.name === 'paragraph' && $from.parent.content.size === 0 && $from.node(-1)?.type.name === 'listItem';
      },
    };
  },
});

/** Creates the editor in `element`. Styles come from newsroom.css: injected ones would break our CSP. */
export function createEditor(opts: EditorOptions): Editor {
  return new Editor({
    element: opts.element,
    content: opts.content,
    injectCSS: false,
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': opts.labelledBy,
        ...(opts.describedBy ? { 'aria-describedby': opts.describedBy } : {}),
        class: 'nr-editor__content',
        spellcheck: 'true',
      },
      handleDOMEvents: {
        // A caret moved by the browser itself (End, Ctrl+End, Home, Page Down, a click)
        // reaches ProseMirror with the next `selectionchange`, a task the browser may run
        // only after the next key: an Enter pressed at once then split the paragraph where
        // the caret had been, and the words typed after it went there. Before any key, let
        // ProseMirror read the caret as it stands, through its own selectionchange handler
        // (it ignores the event when the editor has no focus or nothing moved). Not while
        // an input method composes: ProseMirror leaves the DOM alone then too.
        keydown: (view, event) => {
          if (!event.isComposing && event.keyCode !== 229) view.dom.ownerDocument.dispatchEvent(new Event('selectionchange'));
          return false;
        },
      },
      handlePaste: (view, event) => {
        if (pasteEmbed(view, event.clipboardData?.getData('text/plain') ?? '', event.clipboardData?.files.length ?? 0)) return true;
        const files = imageFiles(event.clipboardData?.files);
        if (!opts.onImageFiles || files.length === 0) return false;
        opts.onImageFiles(files);
        return true;
      },
      handleDrop: (view, event, _slice, moved) => {
        const files = imageFiles((event as DragEvent).dataTransfer?.files);
        if (!opts.onImageFiles || moved || files.length === 0) return false;
        event.preventDefault();
        const at = view.posAtCoords({ left: (event as DragEvent).clientX, top: (event as DragEvent).clientY });
        // Between blocks: the top-level boundary nearest the drop.
        opts.onImageFiles(files, at ? blockBoundary(view.state.doc, at.pos) : undefined);
        return true;
      },
    },
    extensions: [
      ...(opts.summary ? [SummaryDocument, SummaryKeys] : []),
      StarterKit.configure({
        ...(opts.summary ? { document: false, trailingNode: false, gapcursor: false } : {}),
        code: false,
        codeBlock: false,
        strike: false,
        underline: false,
        horizontalRule: false,
        heading: { levels: [3] },
        link: {
          openOnClick: false,
          autolink: true,
          linkOnPaste: true,
          defaultProtocol: 'https',
          protocols: ['mailto'],
          // Only what the API accepts: http, https and mailto.
          isAllowedUri: (url) => cleanHref(url) !== null,
          HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
        },
      }),
      QuoteCite,
      mediaNode('image'),
      mediaNode('video'),
      mediaNode('embed'),
      Extension.create({
        name: 'newsroomKeys',
        addKeyboardShortcuts() {
          return {
            'Mod-k': () => {
              opts.onLinkShortcut?.();
              return true;
            },
          };
        },
      }),
    ],
  });
}

/**
 * An address pasted alone on an empty line becomes an embed (its card previewed by the
 * node view), as in every blog editor; pasted inside text it stays a link.
 */
function pasteEmbed(view: EditorView, pasted: string, files: number): boolean {
  const url = pasted.trim();
  if (files > 0 || !/^https?:\/\/[^\s]+$/i.test(url) || !HTTP_URL.test(url)) return false;
  const { $from, empty } = view.state.selection;
  const para = $from.parent;
  if (!empty || $from.depth !== 1 || para.type.name !== 'paragraph' || para.content.size > 0) return false;
  const { schema, tr } = view.state;
  const embed = schema.nodes.embed!.create({ url });
  const start = $from.before(1);
  view.dispatch(tr.replaceWith(start, $from.after(1), [embed, schema.nodes.paragraph!.create()]).setSelection(TextSelection.create(tr.doc, start + embed.nodeSize + 1)).scrollIntoView());
  return true;
}

/** The start or end of the top-level block holding `pos`, whichever is nearer (where a dropped block goes). */
function blockBoundary(doc: { resolve(pos: number): { depth: number; before(d: number): number; after(d: number): number } }, pos: number): number {
  const $pos = doc.resolve(pos);
  if ($pos.depth === 0) return pos;
  const before = $pos.before(1);
  const after = $pos.after(1);
  return pos - before <= after - pos ? before : after;
}

