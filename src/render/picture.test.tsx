import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { BlockView } from './blocks.js';
import { absoluteUrls } from './feeds.js';
import { eagerFirstPicture, ownMediaHash, shareJpeg, SIZES } from './picture.js';
import { featuredImageUrl } from './structured-data.js';
import { makeCtx } from './test-fixtures.js';

const ctx = makeCtx({ siteOrigin: 'https://news.example.org' });
const HASH = 'a'.repeat(32);
const own = { type: 'image' as const, src: `/media/${HASH}/1600.jpg`, alt: 'A street', width: 1600, height: 900, mediaId: 'm1', color: '#6a8caf' };

describe('responsive pictures', () => {
  it('offers AVIF, WebP and JPEG at every derivative width, with sizes matching the column', () => {
    const out = renderToString(<BlockView block={own} ctx={ctx} />);
    const widths = '320w, /media/' + HASH + '/640.avif 640w';
    expect(out).toContain(`<picture><source type="image/avif" srcset="/media/${HASH}/320.avif ${widths}, /media/${HASH}/960.avif 960w, /media/${HASH}/1280.avif 1280w, /media/${HASH}/1600.avif 1600w" sizes="${SIZES.body}"/>`);
    expect(out).toContain(`<source type="image/webp" srcset="/media/${HASH}/320.webp 320w`);
    expect(out).toMatch(/<img src="\/media\/a{32}\/1280\.jpg" srcset="\/media\/a{32}\/320\.jpg 320w, [^"]*1600\.jpg 1600w" sizes="[^"]+" alt="A street" loading="lazy" decoding="async" width="1600" height="900" style="background-color:#6a8caf"\/><\/picture>/);
    expect(out).not.toContain('fetchpriority');
  });

  it('loads the featured image at once, first, screen-wide on phones', () => {
    const out = renderToString(<BlockView block={own} ctx={ctx} priority />);
    expect(out).toContain('loading="eager"');
    expect(out).toContain('fetchpriority="high"');
    expect(out).toContain(`sizes="${SIZES.featured}"`);
  });

  it('keeps a plain lazy <img> for another host, or for our media without its dimensions', () => {
    for (const block of [{ ...own, src: 'https://images.example.org/a.jpg' }, { ...own, width: undefined, height: undefined }]) {
      const out = renderToString(<BlockView block={block} ctx={ctx} />);
      expect(out).not.toContain('<picture');
      expect(out).toContain(`<img src="${block.src}"`);
      expect(out).toContain('loading="lazy"');
    }
  });

  it('knows our own derivatives, root-relative or on our origin, and nothing else', () => {
    expect(ownMediaHash(`/media/${HASH}/640.jpg`, ctx.siteOrigin)).toBe(HASH);
    expect(ownMediaHash(`https://news.example.org/media/${HASH}/640.jpg`, ctx.siteOrigin)).toBe(HASH);
    expect(ownMediaHash(`https://evil.example/media/${HASH}/640.jpg`, ctx.siteOrigin)).toBeNull();
    expect(ownMediaHash('/assets/demo.jpg', ctx.siteOrigin)).toBeNull();
  });

  it('names a large JPEG in feeds and JSON-LD, with absolute URLs', () => {
    expect(shareJpeg(HASH, 1600)).toBe(`/media/${HASH}/1280.jpg`);
    expect(shareJpeg(HASH, 800)).toBe(`/media/${HASH}/800.jpg`);
    expect(featuredImageUrl({ ...own, type: 'image' }, 'https://news.example.org')).toBe(`https://news.example.org/media/${HASH}/1280.jpg`);
    const feedHtml = absoluteUrls(renderToString(<BlockView block={own} ctx={ctx} />), 'https://news.example.org');
    expect(feedHtml).not.toMatch(/(src|srcset)="\//);
    expect(feedHtml).not.toMatch(/, \/media/);
  });
});

describe('the first picture above the fold', () => {
  it('loads eagerly and first, once; later pictures stay lazy', () => {
    const two = renderToString(<BlockView block={own} ctx={ctx} />).repeat(2);
    const out = eagerFirstPicture(two);
    expect(out.match(/fetchpriority="high"/g)).toHaveLength(1);
    expect(out.indexOf('loading="eager"')).toBeLessThan(out.indexOf('loading="lazy"'));
  });
});
