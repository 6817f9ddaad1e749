import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inlineToPlain, isAllowedLink, linkUrls, parseInline } from './inline.js';

describe('parseInline', () => {
  it('understands bold, italic and links', () => {
    expect(parseInline('a **b** _c_ [d](https://e.example/f)')).toEqual([
      { type: 'text', value: 'a ' },
      { type: 'strong', children: [{ type: 'text', value: 'b' }] },
      { type: 'text', value: ' ' },
      { type: 'emphasis', children: [{ type: 'text', value: 'c' }] },
      { type: 'text', value: ' ' },
      { type: 'link', url: 'https://e.example/f', children: [{ type: 'text', value: 'd' }] },
    ]);
  });

  it.each([
    ['<b>raw html</b>', '<b>raw html</b>'],
    ['# not a heading', '# not a heading'],
    ['- not a list', '- not a list'],
    ['> not a quote', '> not a quote'],
    ['`not code`', '`not code`'],
    ['![not an image](https://x.example/a.png)', '!not an image'],
    ['&amp; stays', '&amp; stays'],
    ['<https://autolink.example>', '<https://autolink.example>'],
  ])('keeps %s as plain text', (input, plain) => {
    const nodes = parseInline(input);
    expect(nodes.every((n) => n.type === 'text' || n.type === 'link')).toBe(true);
    expect(inlineToPlain(nodes)).toBe(plain);
  });

  it('finds every link, however nested', () => {
    expect(linkUrls(parseInline('**[a](https://a.example)** and _[b](mailto:b@example.org)_'))).toEqual([
      'https://a.example',
      'mailto:b@example.org',
    ]);
  });

  it('never throws and never loses the words of plain text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const plain = inlineToPlain(parseInline(s));
        expect(typeof plain).toBe('string');
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zA-Z0-9]([a-zA-Z0-9 ,.]{0,78}[a-zA-Z0-9.])?$/), (s) => {
        expect(inlineToPlain(parseInline(s))).toBe(s);
      }),
    );
  });
});

describe('isAllowedLink', () => {
  it.each(['https://example.org', 'http://example.org/a?b#c', 'mailto:desk@example.org'])('allows %s', (u) => {
    expect(isAllowedLink(u)).toBe(true);
  });
  it.each(['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', '/relative', '//evil.example', 'ftp://x.example'])(
    'refuses %s',
    (u) => {
      expect(isAllowedLink(u)).toBe(false);
    },
  );
});
