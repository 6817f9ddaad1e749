/**
 * Properties of the editor ↔ API conversions (fast-check). The default run counts keep
 * `npm test` quick; LIVEPAGE_PROPERTY_RUNS=10 (a multiplier) makes a stress run. Generous
 * timeouts: the machine running them may be busy.
 */
import type { JSONContent } from '@tiptap/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodySchema } from '../domain/block.js';
import { blocksToDoc, docToBlocks } from './blocks.js';
import { charsFromPm, markdownToPm, normalizeChars, pmToMarkdown, type Ch } from './inline-markdown.js';
import { br, doc, p, readBack, t, text, type Mark } from './test-docs.js';

const scale = Math.max(1, Number(process.env.LIVEPAGE_PROPERTY_RUNS) || 1);
const runs = (n: number) => n * scale;

// ---------- Properties ----------

/** Characters chosen to provoke Markdown: delimiters, brackets, escapes, punctuation, odd spaces. */
const alphabet = fc.constantFrom(...'ab Z9*_[]\\()!"\'.,-<>&#`~\t\u00a0é漢😀'.split(/(?:)/u));
const hrefs = fc.constantFrom('https://a.example/x', 'https://b.example/p_(q)', 'mailto:x@y.example', 'https://c.example/a b', 'javascript:alert(1)');
const markArb: fc.Arbitrary<Mark[]> = fc.tuple(fc.boolean(), fc.boolean(), fc.option(hrefs, { nil: undefined })).map(([b, i, href]) => [
  ...(b ? (['b'] as const) : []),
  ...(i ? (['i'] as const) : []),
  ...(href ? [{ href }] : []),
]);
const inlineArb: fc.Arbitrary<JSONContent[]> = fc.array(
  fc.oneof(
    { weight: 8, arbitrary: fc.tuple(fc.array(alphabet, { minLength: 1, maxLength: 8 }).map((cs) => cs.join('')), markArb).map(([s, m]) => t(s, ...m)) },
    { weight: 1, arbitrary: fc.constant(br) },
  ),
  { maxLength: 12 },
);

/** Word-level formatting, the everyday case: every mark must survive exactly. */
const wordsArb: fc.Arbitrary<JSONContent[]> = fc
  .array(fc.tuple(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9'*_\\]{0,6}[A-Za-z0-9]$|^[A-Za-z]$/), markArb), { minLength: 1, maxLength: 10 })
  .map((words) => words.flatMap(([w, m], k) => [...(k > 0 ? [t(' ')] : []), t(w, ...m.filter((x) => typeof x === 'string' || !x.href.startsWith('javascript')))]));

const sameFormatting = (a: Ch, b: Ch) => a.b === b.b && a.i === b.i && a.l === b.l;

describe('properties of the Markdown writer', () => {
  it('never loses or changes a word, never invents formatting, never drops a link', () => {
    fc.assert(
      fc.property(inlineArb, (content) => {
        const expected = normalizeChars(charsFromPm(content));
        const out = pmToMarkdown(content);
        const back = readBack(out);
        expect(text(back)).toBe(text(expected));
        back.forEach((ch, k) => {
          const want = expected[k]!;
          expect(ch.l).toBe(want.l);
          if (ch.b) expect(want.b).toBe(true);
          if (ch.i) expect(want.i).toBe(true);
        });
        expect(out).toBe(out.trim());
      }),
      { numRuns: runs(1500) },
    );
  }, 60_000);

  it('keeps word-level formatting exactly', () => {
    fc.assert(
      fc.property(wordsArb, (content) => {
        const expected = normalizeChars(charsFromPm(content));
        const back = readBack(pmToMarkdown(content));
        expect(back.length).toBe(expected.length);
        back.forEach((ch, k) => expect(sameFormatting(ch, expected[k]!) && ch.c === expected[k]!.c).toBe(true));
      }),
      { numRuns: runs(1000) },
    );
  }, 60_000);

  it('is stable: writing what it read gives the same Markdown', () => {
    fc.assert(
      fc.property(inlineArb, (content) => {
        const once = pmToMarkdown(content);
        expect(pmToMarkdown(markdownToPm(once))).toBe(once);
      }),
      { numRuns: runs(1000) },
    );
  }, 60_000);

  it('reads any text the API may hold, and writes it back meaning the same', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(alphabet, fc.constantFrom('**', '_', '\n', '[x](https://l.example)')), { maxLength: 30 }), (parts) => {
        const source = parts.join('');
        const expected = normalizeChars(readBack(source));
        const back = readBack(pmToMarkdown(markdownToPm(source)));
        expect(text(back)).toBe(text(expected));
        back.forEach((ch, k) => expect(sameFormatting(ch, expected[k]!)).toBe(true));
      }),
      { numRuns: runs(1000) },
    );
  }, 60_000);

  it('keeps italic that runs out of a link (a counterexample a random run once found)', () => {
    const source = '[x](https://l.example)_[x](https://l.example) a_';
    const back = readBack(pmToMarkdown(markdownToPm(source)));
    expect(back).toEqual(normalizeChars(readBack(source)));
    expect(back.filter((ch) => ch.i).map((ch) => ch.c).join('')).toBe('x a');
  });

  it('produces bodies the API accepts', () => {
    const blockArb = fc.oneof(
      inlineArb.map((c) => p(...c)),
      inlineArb.map((c) => ({ type: 'heading', attrs: { level: 3 }, content: c })),
      fc.array(inlineArb, { minLength: 1, maxLength: 3 }).map((items) => ({
        type: 'bulletList',
        content: items.map((c) => ({ type: 'listItem', content: [p(...c)] })),
      })),
      fc.tuple(inlineArb, fc.constantFrom(null, '', 'Someone')).map(([c, cite]) => ({ type: 'blockquote', attrs: { cite }, content: [p(...c)] })),
    );
    fc.assert(
      fc.property(fc.array(blockArb, { minLength: 1, maxLength: 6 }), (nodes) => {
        const blocks = docToBlocks(doc(...nodes));
        if (blocks.length > 0) expect(bodySchema.safeParse(blocks).success).toBe(true);
        // And back again: the same blocks.
        expect(docToBlocks(blocksToDoc(blocks))).toEqual(blocks);
      }),
      { numRuns: runs(500) },
    );
  }, 60_000);
});
