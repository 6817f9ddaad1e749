/**
 * Inline rich text between the editor (ProseMirror text nodes with bold, italic and link
 * marks, hard breaks) and the API's Markdown subset (`**bold**`, `_italic_`,
 * `[text](url)`). Pure: no DOM, unit-tested in Node.
 *
 * Writing Markdown that the server's parser (src/domain/inline.ts, micromark) reads back
 * as exactly the formatting the journalist saw is the hard part: emphasis delimiters only
 * open and close next to the right characters. So we normalise first (what Markdown
 * cannot express anyway), write, parse the result with the server's own parser, and
 * compare; when the first way of writing does not survive, we try others, and only as a
 * last resort drop the bold or italic that cannot be written.
 */
import type { JSONContent } from '@tiptap/core';
import { isAllowedLink, parseInline, type InlineNode } from '../domain/inline.js';

/** One character (code point) of inline text with its formatting. Newlines carry none. */
export interface Ch {
  c: string;
  b: boolean;
  i: boolean;
  l: string | null;
}

/** Whitespace and punctuation exactly as micromark classifies them for emphasis. */
const WHITESPACE = /\s/;
const PUNCTUATION = /\p{P}|\p{S}/u;
/** Control characters the API refuses (tab and newline are fine). */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/g;
/** Characters that would otherwise start Markdown: escaped so they stay literal. */
const SPECIAL = /[\\*_[\]]/g;

// micromark looks at UTF-16 code units: a character outside the BMP (an emoji) is
// neither whitespace nor punctuation to it, however Unicode classifies it.
const isSpace = (c: string | undefined) => c === undefined || (c.length === 1 && WHITESPACE.test(c));
const isPunct = (c: string | undefined) => c !== undefined && c.length === 1 && PUNCTUATION.test(c);

/** A link target we may write: http, https or mailto, without control characters. */
export function cleanHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  const url = href.trim();
  if (url === '' || /[\u0000-\u001F\u007F]/.test(url) || !isAllowedLink(url)) return null;
  return url;
}

/** The characters of ProseMirror inline content (text nodes and hard breaks). */
export function charsFromPm(content: readonly JSONContent[] | undefined): Ch[] {
  const out: Ch[] = [];
  for (const node of content ?? []) {
    if (node.type === 'hardBreak') out.push({ c: '\n', b: false, i: false, l: null });
    else if (node.type === 'text' && typeof node.text === 'string') {
      const marks = node.marks ?? [];
      const b = marks.some((m) => m.type === 'bold');
      const i = marks.some((m) => m.type === 'italic');
      const l = cleanHref(marks.find((m) => m.type === 'link')?.attrs?.href);
      for (const c of node.text.replace(CONTROL, '').replace(/\r\n?/g, '\n')) {
        out.push(c === '\n' ? { c, b: false, i: false, l: null } : { c, b, i, l });
      }
    }
  }
  return out;
}

/** The characters of parsed inline Markdown (the server's tree). */
export function charsFromInline(nodes: readonly InlineNode[]): Ch[] {
  const out: Ch[] = [];
  const walk = (list: readonly InlineNode[], b: boolean, i: boolean, l: string | null) => {
    for (const n of list) {
      if (n.type === 'text') {
        for (const c of n.value) out.push(c === '\n' ? { c, b: false, i: false, l: null } : { c, b, i, l });
      } else if (n.type === 'link') walk(n.children, b, i, cleanHref(n.url));
      else walk(n.children, b || n.type === 'strong', i || n.type === 'emphasis', l);
    }
  };
  walk(nodes, false, false, null);
  return out;
}

/**
 * What survives a trip through Markdown, applied up front so that the text we write
 * reads back the same: no whitespace at the start or end of the text or of a line (the
 * API trims with String#trim; Markdown strips lines; a quote's lines become paragraphs
 * of their own), no blank lines, and bold or italic never begins or ends
 * with whitespace (`** a**` is not bold in Markdown).
 */
export function normalizeChars(input: readonly Ch[]): Ch[] {
  const lines: Ch[][] = [[]];
  for (const ch of input) {
    if (ch.c === '\n') lines.push([]);
    else lines[lines.length - 1]!.push({ ...ch });
  }
  const kept: Ch[][] = [];
  for (const line of lines) {
    let start = 0;
    let end = line.length;
    while (start < end && line[start]!.c.trim() === '') start++;
    while (end > start && line[end - 1]!.c.trim() === '') end--;
    if (end > start) kept.push(line.slice(start, end));
  }
  const out: Ch[] = [];
  kept.forEach((line, n) => {
    if (n > 0) out.push({ c: '\n', b: false, i: false, l: null });
    out.push(...line);
  });
  for (const mark of ['b', 'i'] as const) trimMarkEdges(out, mark, isSpace);
  return out;
}

/** Removes `mark` from characters at the edges of each marked span while `drop` says so. */
function trimMarkEdges(chars: Ch[], mark: 'b' | 'i', drop: (c: string) => boolean): void {
  for (const [start, end] of spans(chars, mark)) {
    let s = start;
    let e = end;
    while (s < e && drop(chars[s]!.c)) chars[s++]![mark] = false;
    while (e > s && drop(chars[e - 1]!.c)) chars[--e]![mark] = false;
  }
}

/** [start, end) of each maximal run of characters carrying `mark`. */
function spans(chars: readonly Ch[], mark: 'b' | 'i'): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let k = 0; k < chars.length; k++) {
    if (!chars[k]![mark]) continue;
    const start = k;
    while (k < chars.length && chars[k]![mark]) k++;
    out.push([start, k]);
  }
  return out;
}

type Italic = 'auto' | '*' | '_';

/**
 * Writes characters as Markdown. Marks nest by reach: at each point the mark that runs
 * furthest opens first, so `**a _b_ c**` rather than `**a** _**b**_ **c**`. With
 * `splitLinks`, a link is written as several links to the same address wherever its bold or
 * italic changes, so emphasis that runs out of a link can wrap a piece of it instead
 * (`[x](u)*[x](u) a*`: a link can sit inside emphasis, emphasis cannot cross a link's edge).
 */
export function writeChars(chars: readonly Ch[], italic: Italic = 'auto', splitLinks = false): string {
  const key = (ch: Ch, m: string) => (m === 'b' ? ch.b : m === 'i' ? ch.i : ch.l !== null && `l:${ch.l}` === m);
  const keysOf = (ch: Ch) => [...(ch.l !== null ? [`l:${ch.l}`] : []), ...(ch.b ? ['b'] : []), ...(ch.i ? ['i'] : [])];
  const write = (from: number, to: number, open: ReadonlySet<string>): string => {
    let out = '';
    let k = from;
    while (k < to) {
      const pending = keysOf(chars[k]!).filter((m) => !open.has(m));
      if (pending.length === 0) {
        let e = k;
        while (e < to && keysOf(chars[e]!).every((m) => open.has(m))) e++;
        out += chars.slice(k, e).map((ch) => ch.c).join('').replace(SPECIAL, '\\$&');
        k = e;
        continue;
      }
      let best = pending[0]!;
      let bestEnd = k;
      const sameEmphasis = (ch: Ch) => ch.b === chars[k]!.b && ch.i === chars[k]!.i;
      for (const m of pending) {
        let e = k;
        while (e < to && key(chars[e]!, m) && !(splitLinks && m.startsWith('l:') && !sameEmphasis(chars[e]!))) e++;
        if (e > bestEnd) [best, bestEnd] = [m, e];
      }
      const inner = write(k, bestEnd, new Set([...open, best]));
      if (best.startsWith('l:')) out += `[${inner}](${destination(best.slice(2))})`;
      else if (best === 'b') out += `**${inner}**`;
      else {
        const intraword = !isSpace(chars[k - 1]?.c) && !isPunct(chars[k - 1]?.c);
        const intrawordAfter = !isSpace(chars[bestEnd]?.c) && !isPunct(chars[bestEnd]?.c);
        const d = italic === 'auto' ? (intraword || intrawordAfter ? '*' : '_') : italic;
        out += `${d}${inner}${d}`;
      }
      k = bestEnd;
    }
    return out;
  };
  return write(0, chars.length, new Set());
}

/** A link destination: bare when it can be, else in angle brackets; escapes as needed. */
export function destination(url: string): string {
  if (/[\s<>]/.test(url)) return `<${url.replace(/[\\<>]/g, '\\$&')}>`;
  return url.replace(/[\\()]/g, '\\$&');
}

const same = (a: readonly Ch[], b: readonly Ch[]) =>
  a.length === b.length && a.every((x, k) => x.c === b[k]!.c && x.b === b[k]!.b && x.i === b[k]!.i && x.l === b[k]!.l);

/** Index of the first character where `a` and `b` differ (text or formatting). */
function firstDifference(a: readonly Ch[], b: readonly Ch[]): number {
  let k = 0;
  while (k < a.length && k < b.length && a[k]!.c === b[k]!.c && a[k]!.b === b[k]!.b && a[k]!.i === b[k]!.i && a[k]!.l === b[k]!.l) k++;
  return k;
}

const readBack = (md: string) => charsFromInline(parseInline(md));

/**
 * Markdown for normalised characters that the server parses back to exactly `chars`, or
 * as near as it can be written. Formatting never crosses a line (newlines carry none), so
 * each line is written on its own — a quote's lines, which become paragraphs of their own,
 * come out the same — and the whole is checked once more against what the lines alone read
 * back as: only when lines change each other's reading is the text written as one. (Not
 * against `chars`: a line that cannot keep all its formatting would send every line down
 * the other path, and the next trip, from the Markdown read back, would write differently.)
 */
export function charsToMarkdown(chars: readonly Ch[]): string {
  const lines: Ch[][] = [[]];
  for (const ch of chars) {
    if (ch.c === '\n') lines.push([]);
    else lines[lines.length - 1]!.push(ch);
  }
  const written = lines.map(writeVerified);
  const md = written.join('\n');
  if (lines.length === 1) return md;
  const alone = written.flatMap((line, n) => [...(n > 0 ? [{ c: '\n', b: false, i: false, l: null }] : []), ...readBack(line)]);
  return same(readBack(md), alone) ? md : writeVerified(chars);
}

/**
 * Tries the usual delimiters, then the other italic delimiters (each with links whole, then
 * split where their emphasis changes), then moves punctuation
 * out of bold and italic (`"**quote**"` for a bolded `"quote"` inside a word), and
 * finally drops the bold or italic that still cannot be written, nearest the trouble
 * first. The text itself is never lost.
 */
function writeVerified(input: readonly Ch[]): string {
  let chars = input.map((ch) => ({ ...ch }));
  const attempt = (): string | null => {
    for (const splitLinks of [false, true]) {
      for (const italic of ['auto', '*', '_'] as const) {
        const md = writeChars(chars, italic, splitLinks);
        if (same(readBack(md), chars)) return md;
      }
    }
    return null;
  };
  let md = attempt();
  if (md !== null) return md;
  for (const mark of ['b', 'i'] as const) trimMarkEdges(chars, mark, (c) => isPunct(c) || isSpace(c));
  md = attempt();
  if (md !== null) return md;
  for (let guard = 0; guard < chars.length; guard++) {
    const at = firstDifference(readBack(writeChars(chars, 'auto')), chars);
    const all = [...spans(chars, 'b').map((s) => ['b', s] as const), ...spans(chars, 'i').map((s) => ['i', s] as const)];
    if (all.length === 0) break;
    // The span that opens nearest before the first difference is the likeliest culprit.
    const before = all.filter(([, [s]]) => s <= at).sort((x, y) => y[1][0] - x[1][0]);
    const [mark, [s, e]] = before[0] ?? all[0]!;
    for (let k = s; k < e; k++) chars[k]![mark] = false;
    md = attempt();
    if (md !== null) return md;
  }
  // Only links left and still no match: should not happen; never lose the words.
  chars = chars.map((ch) => ({ c: ch.c, b: false, i: false, l: null }));
  return writeChars(chars, '_');
}

/** ProseMirror inline content → inline Markdown (normalised; '' when there is no text). */
export function pmToMarkdown(content: readonly JSONContent[] | undefined): string {
  return charsToMarkdown(normalizeChars(charsFromPm(content)));
}

/** Inline Markdown → ProseMirror inline content: text nodes with marks, hard breaks for newlines. */
export function markdownToPm(text: string): JSONContent[] {
  const chars = readBack(text);
  const out: JSONContent[] = [];
  let k = 0;
  while (k < chars.length) {
    const ch = chars[k]!;
    if (ch.c === '\n') {
      out.push({ type: 'hardBreak' });
      k++;
      continue;
    }
    let e = k;
    let s = '';
    while (e < chars.length && chars[e]!.c !== '\n' && chars[e]!.b === ch.b && chars[e]!.i === ch.i && chars[e]!.l === ch.l) s += chars[e++]!.c;
    const marks: NonNullable<JSONContent['marks']> = [];
    if (ch.l !== null) marks.push({ type: 'link', attrs: { href: ch.l } });
    if (ch.b) marks.push({ type: 'bold' });
    if (ch.i) marks.push({ type: 'italic' });
    out.push(marks.length > 0 ? { type: 'text', text: s, marks } : { type: 'text', text: s });
    k = e;
  }
  return out;
}
