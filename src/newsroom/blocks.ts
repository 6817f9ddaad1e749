/**
 * Post bodies between the editor's document (ProseMirror/Tiptap JSON) and the API's
 * Block[] (SPEC §2). Pure: no DOM, unit-tested in Node.
 *
 * The editor's schema is kept to our block set (src/newsroom/editor.ts), so the mapping
 * is one to one, with a few normalisations that the API would make anyway: empty
 * paragraphs vanish, a quote's lines are its paragraphs, and list items are single
 * paragraphs (nested lists are flattened).
 */
import type { JSONContent } from '@tiptap/core';
import type { Block } from '../domain/block.js';
import { inlineToPlain, parseInline } from '../domain/inline.js';
import { HTTP_URL, MEDIA_URL } from './constants.js';
import { markdownToPm, pmToMarkdown } from './inline-markdown.js';

type BlockOf<T extends Block['type']> = Extract<Block, { type: T }>;

/** A trimmed non-empty string attribute, else undefined. */
function str(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  return v === '' ? undefined : v;
}

function size(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= 20_000 ? value : undefined;
}

const mediaIdOf = (value: unknown): string | undefined => {
  const v = str(value);
  return v && v.length <= 64 && /^[0-9a-zA-Z-]+$/.test(v) ? v : undefined;
};

const colorOf = (value: unknown): string | undefined => (typeof value === 'string' && /^#[0-9a-f]{6}$/.test(value) ? value : undefined);

/** Drops undefined properties, so blocks compare and serialise cleanly. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** The inline content of every textblock inside `node`, in order (a quote's or a list item's lines). */
function textblocksOf(node: JSONContent): JSONContent[][] {
  if (node.type === 'paragraph' || node.type === 'heading') return [node.content ?? []];
  return (node.content ?? []).flatMap(textblocksOf);
}

/**
 * Textblocks as one inline Markdown text, a line each: written in one go, with hard breaks
 * between them, because the server reads the text as one (lines may change each other's
 * reading) and so that paragraphs and hard breaks give the same text. Blank lines vanish.
 */
const linesText = (blocks: JSONContent[][]): string => pmToMarkdown(blocks.flatMap((content, n) => (n > 0 ? [{ type: 'hardBreak' }, ...content] : content)));

/** The inline Markdown of every textblock inside `node`, each on its own (paragraphs of their own). */
const linesOf = (node: JSONContent): string[] => textblocksOf(node).map(pmToMarkdown).filter((text) => text !== '');

function listItems(list: JSONContent): string[] {
  return (list.content ?? []).flatMap((item) => {
    const own = linesText((item.content ?? []).filter((c) => c.type !== 'bulletList' && c.type !== 'orderedList').flatMap(textblocksOf));
    const nested = (item.content ?? []).filter((c) => c.type === 'bulletList' || c.type === 'orderedList').flatMap(listItems);
    return [...(own !== '' ? [own] : []), ...nested];
  });
}

/** The editor's document → body blocks, in order; nodes with nothing to say are left out. */
export function docToBlocks(doc: JSONContent): Block[] {
  const out: Block[] = [];
  for (const node of doc.content ?? []) {
    const attrs = node.attrs ?? {};
    switch (node.type) {
      case 'paragraph':
      case 'heading': {
        const text = pmToMarkdown(node.content);
        if (text !== '') out.push({ type: node.type, text });
        break;
      }
      case 'bulletList':
      case 'orderedList': {
        const items = listItems(node);
        if (items.length > 0) out.push({ type: 'list', ordered: node.type === 'orderedList', items });
        break;
      }
      case 'blockquote': {
        const text = linesText(textblocksOf(node));
        if (text !== '') out.push(compact({ type: 'quote' as const, text, cite: str(attrs.cite) }));
        break;
      }
      case 'image':
        if (attrs.uploadId) break; // still uploading, or failed: not a block yet (image-uploads.ts)
        out.push(
          compact({
            type: 'image' as const,
            src: str(attrs.src) ?? '',
            alt: str(attrs.alt) ?? '',
            caption: str(attrs.caption),
            credit: str(attrs.credit),
            width: size(attrs.width),
            height: size(attrs.height),
            // Which picture of ours it is and its colour (the reader's placeholder): kept
            // through every edit, or the picture loses its srcset and colour on save.
            mediaId: mediaIdOf(attrs.mediaId),
            color: colorOf(attrs.color),
          }),
        );
        break;
      case 'video':
        out.push(
          compact({
            type: 'video' as const,
            src: str(attrs.src) ?? '',
            caption: str(attrs.caption),
            poster: str(attrs.poster),
            credit: str(attrs.credit),
          }),
        );
        break;
      case 'embed':
        out.push(compact({ type: 'embed' as const, url: str(attrs.url) ?? '', caption: str(attrs.caption) }));
        break;
      default:
        // Anything else that slipped in (pasted content the schema did not catch): keep its words.
        for (const text of linesOf(node)) out.push({ type: 'paragraph', text });
    }
  }
  return out;
}

const paragraph = (text: string): JSONContent => {
  const content = markdownToPm(text);
  return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
};

/** One paragraph per line of inline Markdown (a quote's lines). */
function paragraphsOf(text: string): JSONContent[] {
  const content = markdownToPm(text);
  const out: JSONContent[] = [{ type: 'paragraph', content: [] }];
  for (const n of content) {
    if (n.type === 'hardBreak') out.push({ type: 'paragraph', content: [] });
    else out[out.length - 1]!.content!.push(n);
  }
  return out.filter((p) => p.content!.length > 0);
}

function blockToNode(block: Block): JSONContent {
  switch (block.type) {
    case 'paragraph':
      return paragraph(block.text);
    case 'heading': {
      const content = markdownToPm(block.text);
      return { type: 'heading', attrs: { level: 3 }, ...(content.length > 0 ? { content } : {}) };
    }
    case 'list':
      return {
        type: block.ordered ? 'orderedList' : 'bulletList',
        content: block.items.map((item) => ({ type: 'listItem', content: [paragraph(item)] })),
      };
    case 'quote': {
      const content = paragraphsOf(block.text);
      return { type: 'blockquote', attrs: { cite: block.cite ?? null }, content: content.length > 0 ? content : [{ type: 'paragraph' }] };
    }
    case 'image':
      return {
        type: 'image',
        attrs: {
          src: block.src,
          alt: block.alt,
          caption: block.caption ?? null,
          credit: block.credit ?? null,
          width: block.width ?? null,
          height: block.height ?? null,
          mediaId: block.mediaId ?? null,
          color: block.color ?? null,
        },
      };
    case 'video':
      return { type: 'video', attrs: { src: block.src, caption: block.caption ?? null, poster: block.poster ?? null, credit: block.credit ?? null } };
    case 'embed':
      return { type: 'embed', attrs: { url: block.url, caption: block.caption ?? null } };
  }
}

/** Body blocks → the editor's document (an empty paragraph when there are none). */
export function blocksToDoc(blocks: readonly Block[]): JSONContent {
  const content = blocks.map(blockToNode);
  return { type: 'doc', content: content.length > 0 ? content : [{ type: 'paragraph' }] };
}

/** Summary key points (inline Markdown) ↔ a document holding one bullet list. */
export function summaryToDoc(points: readonly string[]): JSONContent {
  const items = points.length > 0 ? points : [''];
  return { type: 'doc', content: [{ type: 'bulletList', content: items.map((p) => ({ type: 'listItem', content: [paragraph(p)] })) }] };
}

export function docToSummary(doc: JSONContent): string[] {
  return (doc.content ?? []).flatMap((node) =>
    node.type === 'bulletList' || node.type === 'orderedList' ? listItems(node) : linesOf(node),
  );
}

/** A problem the API would refuse, found before sending; `index` is the block's (-1: the body). */
export interface BodyProblem {
  index: number;
  message: string;
}


/** Checks what a journalist can get wrong in the body before the API is asked (SPEC §2 limits). */
export function checkBlocks(blocks: readonly Block[]): BodyProblem[] {
  const problems: BodyProblem[] = [];
  if (blocks.length === 0) problems.push({ index: -1, message: 'Write something in the body.' });
  if (blocks.length > 100) problems.push({ index: 100, message: 'A post has at most 100 blocks; split it into two posts.' });
  blocks.forEach((block, index) => {
    const say = (message: string) => problems.push({ index, message: `${describeBlock(block, index)}: ${message}` });
    const texts = block.type === 'list' ? block.items : 'text' in block ? [block.text] : [];
    if (texts.some((t) => t.length > 10_000)) say('this text is longer than 10,000 characters.');
    if (block.type === 'list' && block.items.length > 100) say('a list has at most 100 items.');
    if (block.type === 'image') {
      if (!MEDIA_URL.test(block.src)) say('the image address must start with https:// or http://.');
      if (!block.alt) say('add alt text that describes the image.');
    }
    if (block.type === 'video' && !MEDIA_URL.test(block.src)) say('the video address must start with https:// or http://.');
    if (block.type === 'embed' && !HTTP_URL.test(block.url)) say('the embed address must start with https:// or http://.');
  });
  return problems;
}

/** "Image 2" — how a block is named in messages: its kind and its number among all blocks. */
export function describeBlock(block: Block, index: number): string {
  const kind = { paragraph: 'Paragraph', heading: 'Heading', list: 'List', quote: 'Quote', image: 'Image', video: 'Video', embed: 'Embed' }[block.type];
  return `${kind} ${index + 1}`;
}

/**
 * Plain text of a body, for excerpts in lists: the blocks up to the first `max` characters
 * (each paragraph's Markdown is parsed, the desk's dearest work as it opens: no more than shown).
 */
export function blocksToPlain(blocks: readonly Block[], max = Infinity): string {
  let text = '';
  for (const b of blocks) {
    if (text.length > max) break;
    text = `${text} ${blockToPlain(b)}`.replace(/\s+/g, ' ').trim();
  }
  return text;
}

const plain = (t: string) => inlineToPlain(parseInline(t));

function blockToPlain(b: Block): string {
  switch (b.type) {
    case 'list':
      return b.items.map(plain).join('; ');
    case 'image':
      return `[Image: ${b.alt}]`;
    case 'video':
      return `[Video${b.caption ? `: ${plain(b.caption)}` : ''}]`;
    case 'embed':
      return `[Embed: ${b.url}]`;
    case 'quote':
      return `“${plain(b.text)}”${b.cite ? ` — ${b.cite}` : ''}`;
    default:
      return plain((b as BlockOf<'paragraph'>).text);
  }
}
