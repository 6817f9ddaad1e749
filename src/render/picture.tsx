/**
 * Responsive images (issue 10, item 5): a picture on our own media becomes a `<picture>`
 * offering AVIF, WebP and JPEG at every derivative width, with `sizes` matching the
 * stylesheet's column, its own width and height (no layout shift) and its dominant colour
 * behind it while it loads. Pure: everything it needs is in the block (set when the picture
 * was inserted or imported); an external address keeps a plain lazy `<img>`.
 */
import type { VNode } from 'preact';
import { DERIVATIVE_FORMATS, derivativePath, derivativeWidths, FORMAT_TYPE, type DerivativeFormat } from '../domain/media.js';

/** `/media/{hash}/{width}.jpg`, root-relative or on the site's own origin. */
const OWN_DERIVATIVE = /^\/media\/([0-9a-f]{32})\/\d+\.(?:jpg|webp|avif)$/;

/** The content hash of a picture on our own media, or null (another host, or another path). */
export function ownMediaHash(src: string, siteOrigin: string): string | null {
  let path = src;
  if (!src.startsWith('/')) {
    try {
      const u = new URL(src);
      if (u.origin !== new URL(siteOrigin).origin) return null;
      path = u.pathname;
    } catch {
      return null;
    }
  }
  return OWN_DERIVATIVE.exec(path)?.[1] ?? null;
}

/**
 * How wide the picture is shown (public/livepage.css): the column is 40rem (44rem beside
 * the side column from 64rem) inside 1rem
 * gutters (`.lp-main`); below 40rem the featured image spans the screen (`.lp-featured`'s
 * negative margins), above it sits in the column.
 */
export const SIZES = {
  body: '(min-width: 64rem) 44rem, (min-width: 42rem) 40rem, calc(100vw - 2rem)',
  featured: '(min-width: 64rem) 44rem, (min-width: 42rem) 40rem, (min-width: 40rem) calc(100vw - 2rem), 100vw',
} as const;

/** The JPEG feeds, JSON-LD and link previews name: a large one, not the largest (1280 w, or the picture's own width below that). */
export const SHARE_WIDTH = 1280;
export function shareJpeg(hash: string, width: number): string {
  const widths = derivativeWidths(width);
  return derivativePath(hash, [...widths].reverse().find((w) => w <= SHARE_WIDTH) ?? widths[0]!, 'jpeg');
}

const srcset = (hash: string, widths: number[], format: DerivativeFormat): string => widths.map((w) => `${derivativePath(hash, w, format)} ${w}w`).join(', ');

export interface PictureProps {
  src: string;
  alt: string;
  width: number | undefined;
  height: number | undefined;
  color: string | undefined;
  siteOrigin: string;
  /** Above the fold: loaded at once, first. */
  priority: boolean;
  sizes: string;
}

/** A `<picture>` for our own media with known dimensions; otherwise a plain `<img>`. */
export function Picture(p: PictureProps): VNode {
  const hash = ownMediaHash(p.src, p.siteOrigin);
  const common = {
    alt: p.alt,
    loading: p.priority ? ('eager' as const) : ('lazy' as const),
    decoding: 'async' as const,
    fetchpriority: p.priority ? ('high' as const) : undefined,
    width: p.width,
    height: p.height,
  };
  if (!hash || !p.width || !p.height) return <img src={p.src} {...common} />;
  const widths = derivativeWidths(p.width);
  return (
    <picture>
      {DERIVATIVE_FORMATS.filter((f) => f !== 'jpeg').map((f) => (
        <source type={FORMAT_TYPE[f]} srcset={srcset(hash, widths, f)} sizes={p.sizes} />
      ))}
      <img
        src={shareJpeg(hash, p.width)}
        srcset={srcset(hash, widths, 'jpeg')}
        sizes={p.sizes}
        {...common}
        style={p.color ? `background-color:${p.color}` : undefined}
      />
    </picture>
  );
}

const LAZY = ' loading="lazy" decoding="async"';

/**
 * The first picture in `html` loaded at once and first: on a page without a featured image,
 * the top post's picture is what a phone shows above the fold (a lazy LCP image waits for
 * layout). Works on our own rendering, where these attributes are written in this order.
 */
export function eagerFirstPicture(html: string): string {
  return html.replace(LAZY, ' loading="eager" decoding="async" fetchpriority="high"');
}
