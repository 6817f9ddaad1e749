/** Tiny builders of editor (ProseMirror JSON) documents, and a reading-back helper, for the newsroom's tests. */
import type { JSONContent } from '@tiptap/core';
import { parseInline } from '../domain/inline.js';
import { charsFromInline, type Ch } from './inline-markdown.js';

export type Mark = 'b' | 'i' | { href: string };
export const t = (text: string, ...marks: Mark[]): JSONContent => {
  const pm = marks.map((m) => (m === 'b' ? { type: 'bold' } : m === 'i' ? { type: 'italic' } : { type: 'link', attrs: { href: m.href } }));
  return pm.length > 0 ? { type: 'text', text, marks: pm } : { type: 'text', text };
};
export const br: JSONContent = { type: 'hardBreak' };
export const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
export const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });

/** What the server's parser reads back: text with formatting, one entry per character. */
export const readBack = (markdown: string) => charsFromInline(parseInline(markdown));
export const text = (chars: Ch[]) => chars.map((c) => c.c).join('');
