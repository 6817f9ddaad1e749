import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { Inline, isExternal } from './inline.js';
import { EVIL, attrValues, makeCtx, textOf } from './test-fixtures.js';

const ctx = makeCtx({ siteOrigin: 'https://news.example.org' });
const html = (text: string) => renderToString(<Inline text={text} ctx={ctx} />);

describe('isExternal', () => {
  const site = 'https://news.example.org';
  it('is true for http(s) links to another host', () => {
    expect(isExternal('https://police.example.com/statement', site)).toBe(true);
    expect(isExternal('http://www.news.example.org/', site)).toBe(true);
  });
  it('is false for this site, whatever the scheme, port or case', () => {
    expect(isExternal('https://news.example.org/live/x', site)).toBe(false);
    expect(isExternal('http://NEWS.example.org:8080/a', site)).toBe(false);
    expect(isExternal('/live/x', site)).toBe(false);
  });
  it('is false for mailto and for garbage', () => {
    expect(isExternal('mailto:desk@example.com', site)).toBe(false);
    expect(isExternal('http://', site)).toBe(false);
    expect(isExternal('https://x.org', 'not a url')).toBe(false);
  });
});

describe('Inline', () => {
  it('renders bold, italic and links', () => {
    expect(html('a **b** _c_ [d](https://news.example.org/x)')).toBe(
      'a <strong>b</strong> <em>c</em> <a href="https://news.example.org/x">d</a>',
    );
  });

  it('names external links with ", external" and leaves own links alone', () => {
    const out = html('Read [what **police** say](https://police.example.com/s) and [our story](https://news.example.org/s).');
    expect(attrValues(out, 'aria-label')).toEqual(['what police say, external']);
    expect(out).not.toContain('target=');
  });

  it('does not mark mailto links as external', () => {
    expect(html('[email us](mailto:desk@example.com)')).toBe('<a href="mailto:desk@example.com">email us</a>');
  });

  it('shows HTML typed as text as characters, never as markup', () => {
    const out = html(`Hello ${EVIL} **${EVIL}**`);
    expect(out).not.toContain('<script');
    expect(out).not.toContain('<b>');
    expect(textOf(out)).toBe(`Hello ${EVIL} ${EVIL}`);
  });

  it('never links to a scheme other than http, https or mailto', () => {
    const out = html('[click](javascript:alert(1))');
    expect(out).not.toContain('<a');
    expect(out).not.toContain('href');
    expect(textOf(out)).toBe('click');
  });

  it('turns newlines into line breaks', () => {
    expect(html('one\ntwo')).toBe('one<br/>two');
    expect(html('one\n\nthree')).toBe('one<br/>three');
  });

  it('gives an empty link its address as text', () => {
    const out = html('[](https://police.example.com/s)');
    expect(textOf(out)).toBe('https://police.example.com/s');
    expect(attrValues(out, 'aria-label')).toEqual(['https://police.example.com/s, external']);
  });
});
