/**
 * Inline text: the small Markdown subset of SPEC §2 — **bold**, _italic_, [text](url) —
 * parsed by micromark/mdast with every other construct switched off, so `<b>`, `# x`,
 * backticks and the like stay literal characters.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes as MdNode } from 'mdast';

export type InlineNode =
  | { type: 'text'; value: string }
  | { type: 'strong' | 'emphasis'; children: InlineNode[] }
  | { type: 'link'; url: string; children: InlineNode[] };

/** Every micromark construct we do not support, so it parses as plain text. */
const DISABLED = [
  'autolink', 'blockQuote', 'characterReference', 'codeFenced', 'codeIndented', 'codeText',
  'definition', 'hardBreakEscape', 'headingAtx', 'htmlFlow', 'htmlText', 'labelStartImage',
  'list', 'setextUnderline', 'thematicBreak',
];
const extensions = [{ disable: { null: DISABLED } }];

/** The schemes a link may use; everything else is rejected at the API. */
export const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** Parses inline text into a tree of text, strong, emphasis and link nodes. */
export function parseInline(text: string): InlineNode[] {
  const root = fromMarkdown(text, { extensions });
  const out: InlineNode[] = [];
  root.children.forEach((paragraph, i) => {
    if (i > 0) out.push({ type: 'text', value: '\n' });
    out.push(...convert(paragraph));
  });
  return mergeText(out);
}

function convert(node: MdNode): InlineNode[] {
  switch (node.type) {
    case 'text':
      return [{ type: 'text', value: node.value }];
    case 'strong':
    case 'emphasis':
      return [{ type: node.type, children: node.children.flatMap(convert) }];
    case 'link':
      return [{ type: 'link', url: node.url, children: node.children.flatMap(convert) }];
    case 'break':
      return [{ type: 'text', value: '\n' }];
    default:
      // Paragraphs and anything unexpected: keep the text, drop the structure.
      return 'children' in node ? node.children.flatMap(convert) : 'value' in node ? [{ type: 'text', value: String(node.value) }] : [];
  }
}

function mergeText(nodes: InlineNode[]): InlineNode[] {
  const out: InlineNode[] = [];
  for (const n of nodes) {
    const last = out[out.length - 1];
    if (n.type === 'text' && last?.type === 'text') last.value += n.value;
    else out.push(n);
  }
  return out;
}

/** All link targets in a text, in order. */
export function linkUrls(nodes: InlineNode[]): string[] {
  return nodes.flatMap((n) => (n.type === 'text' ? [] : [...(n.type === 'link' ? [n.url] : []), ...linkUrls(n.children)]));
}

/** True when `url` is an absolute http, https or mailto URL. */
export function isAllowedLink(url: string): boolean {
  try {
    return LINK_SCHEMES.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** The plain text of inline text, for feeds, JSON-LD and the page title. */
export function inlineToPlain(nodes: InlineNode[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.value : inlineToPlain(n.children))).join('');
}
