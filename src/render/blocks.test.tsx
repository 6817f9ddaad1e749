import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { Block } from '../domain/block.js';
import { BlockView, embedProvider, isOwnMedia } from './blocks.js';
import { EVIL, attrValues, makeCtx, textOf } from './test-fixtures.js';

const ctx = makeCtx({ siteOrigin: 'https://news.example.org' });
const html = (block: Block) => renderToString(<BlockView block={block} ctx={ctx} />);

describe('BlockView', () => {
  it('renders paragraphs and headings (h3, below the post title)', () => {
    expect(html({ type: 'paragraph', text: 'Hi **there**' })).toBe('<p>Hi <strong>there</strong></p>');
    expect(html({ type: 'heading', text: 'What we know' })).toBe('<h3>What we know</h3>');
  });

  it('renders ordered and unordered lists of inline items', () => {
    expect(html({ type: 'list', ordered: false, items: ['a', '_b_'] })).toBe('<ul><li>a</li><li><em>b</em></li></ul>');
    expect(html({ type: 'list', ordered: true, items: ['a'] })).toBe('<ol><li>a</li></ol>');
  });

  it('renders a quote with and without its cite line', () => {
    const out = html({ type: 'quote', text: 'Nothing is agreed.', cite: 'A spokesman' });
    expect(out).toMatch(/^<blockquote[^>]*><p>Nothing is agreed.<\/p><footer><cite>A spokesman<\/cite><\/footer><\/blockquote>$/);
    expect(html({ type: 'quote', text: 'x' })).not.toContain('<footer');
  });

  it('renders an image with alt, lazy loading, size, credit and caption', () => {
    const out = html({
      type: 'image', src: 'https://images.example.org/a.jpg', alt: 'A tank on patrol',
      caption: 'Near Kupiansk', credit: 'EPA', width: 800, height: 450,
    });
    expect(out).toMatch(/^<figure/);
    expect(out).toContain('<img src="https://images.example.org/a.jpg" alt="A tank on patrol" loading="lazy" decoding="async" width="800" height="450"/>');
    expect(out).toContain('<span class="visually-hidden">Image source, </span>EPA');
    expect(textOf(out)).toBe('Image source, EPA Near Kupiansk');
    expect(out).toContain('<figcaption>Near Kupiansk</figcaption>');
  });

  it('omits credit, caption and size when not given', () => {
    const out = html({ type: 'image', src: '/uploads/a.jpg', alt: 'x' });
    expect(out).not.toContain('Image source');
    expect(out).not.toContain('figcaption');
    expect(out).not.toContain('width=');
  });

  it('renders a video that fetches nothing until played, with a "Media caption, " prefix', () => {
    const out = html({ type: 'video', src: 'https://video.example.org/v.mp4', caption: 'Watch: the press conference' });
    expect(out).toContain('<video controls preload="none" playsinline src="https://video.example.org/v.mp4">');
    expect(out).toContain('<figcaption><span class="visually-hidden">Media caption, </span>Watch: the press conference</figcaption>');
    expect(out).not.toContain('poster');
  });

  it('keeps a video poster only when this site serves it', () => {
    const poster = (p: string) => attrValues(html({ type: 'video', src: '/v.mp4', poster: p }), 'poster');
    expect(poster('/uploads/p.jpg')).toEqual(['/uploads/p.jpg']);
    expect(poster('https://news.example.org/p.jpg')).toEqual(['https://news.example.org/p.jpg']);
    expect(poster('https://tracker.example.com/p.jpg')).toEqual([]);
  });

  it('renders an embed as a click-to-load link with no iframe or third-party resource', () => {
    const url = 'https://www.youtube.com/watch?v=abc&t=1';
    const out = html({ type: 'embed', url, caption: 'The briefing' });
    expect(out).not.toMatch(/<iframe|<script|<img|<video|src=/);
    expect(attrValues(out, 'href')).toEqual([url]);
    expect(attrValues(out, 'data-embed-url')).toEqual([url]);
    expect(out).toContain('class="lp-embed__load"');
    expect(textOf(out)).toContain('Load content from www.youtube.com');
    expect(textOf(out)).toContain('The briefing');
    expect(attrValues(out, 'aria-label')).toEqual(['Load content from www.youtube.com, external']);
  });

  it('escapes markup in alt, credit, cite and captions', () => {
    const outs = [
      html({ type: 'image', src: '/a.jpg', alt: EVIL, credit: EVIL, caption: EVIL }),
      html({ type: 'quote', text: EVIL, cite: EVIL }),
      html({ type: 'video', src: '/v.mp4', caption: EVIL, credit: EVIL }),
      html({ type: 'embed', url: 'https://x.example.com/', caption: EVIL }),
      html({ type: 'list', ordered: false, items: [EVIL] }),
    ];
    for (const out of outs) {
      expect(out).not.toContain('<script');
      expect(out).not.toContain('<b>');
      expect(textOf(out)).toContain(EVIL);
    }
    expect(attrValues(outs[0] ?? '', 'alt')).toEqual([EVIL]);
  });
});

describe('isOwnMedia', () => {
  const site = 'https://news.example.org';
  it('accepts root-relative paths and the site origin only', () => {
    expect(isOwnMedia('/uploads/a.jpg', site)).toBe(true);
    expect(isOwnMedia('https://news.example.org/a.jpg', site)).toBe(true);
    expect(isOwnMedia('//evil.example.com/a.jpg', site)).toBe(false);
    expect(isOwnMedia('http://news.example.org/a.jpg', site)).toBe(false);
    expect(isOwnMedia('https://cdn.example.org/a.jpg', site)).toBe(false);
  });
});

describe('embedProvider', () => {
  it('is the URL host', () => {
    expect(embedProvider('https://www.youtube.com/watch?v=1')).toBe('www.youtube.com');
    expect(embedProvider('nonsense')).toBe('nonsense');
  });
});
