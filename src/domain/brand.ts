/**
 * A newsroom's brand on its reader pages (issue 13 item 1): the site name, logo, accent
 * colour, font stack, footer links and the publisher named in feeds and JSON-LD. Set by
 * admins, stored (so every node renders the same), with environment defaults. An accent
 * that fails WCAG AA contrast is refused: readers must be able to read what it colours.
 */
import { z } from 'zod';
import { AppError } from './errors.js';
import { httpUrl, mediaUrl, text } from './schema-helpers.js';

const HEX = /^#[0-9a-f]{6}$/;
const hex = z
  .string()
  .trim()
  .toLowerCase()
  .regex(HEX, 'A colour is #rrggbb.');

/**
 * A CSS font-family list: names, quotes, commas, spaces and hyphens only, so nothing else
 * can be smuggled into the stylesheet it is written into.
 */
const fontStack = z
  .string()
  .trim()
  .max(300)
  .regex(/^[\p{L}\p{N} ,'"-]+$/u, 'A font stack is font names separated by commas.');

/** A footer link goes to an http(s) address or a path on this site. */
const footerUrl = z.union([httpUrl, z.string().trim().regex(/^\/(?!\/)[^\s\\]{0,500}$/, 'Must be an http(s) URL or a path on this site.')]);

/** The brand as admins send it; every field is optional and `null` clears one back to the default. */
export const brandInput = z
  .object({
    siteName: text(80).nullable().optional(),
    logo: z
      .object({
        src: mediaUrl,
        width: z.number().int().min(1).max(4000).optional(),
        height: z.number().int().min(1).max(4000).optional(),
      })
      .strict()
      .nullable()
      .optional(),
    accent: hex.nullable().optional(),
    accentDark: hex.nullable().optional(),
    fontStack: fontStack.nullable().optional(),
    footerLinks: z
      .array(z.object({ label: text(60), url: footerUrl }).strict())
      .max(8)
      .nullable()
      .optional(),
    publisherName: text(120).nullable().optional(),
    poweredBy: z.boolean().nullable().optional(),
  })
  .strict();

export type BrandInput = z.infer<typeof brandInput>;

/** The brand as stored: what admins set, unset fields absent. */
export interface BrandSettings {
  siteName?: string | undefined;
  logo?: { src: string; width?: number | undefined; height?: number | undefined } | undefined;
  accent?: string | undefined;
  accentDark?: string | undefined;
  fontStack?: string | undefined;
  footerLinks?: { label: string; url: string }[] | undefined;
  publisherName?: string | undefined;
  poweredBy?: boolean | undefined;
}

/** The brand as pages render it: every setting resolved against the defaults. */
export interface Brand {
  siteName: string;
  logo: { src: string; width?: number | undefined; height?: number | undefined } | null;
  /** Links, the Live badge, key-event marks on a light background (white text on it passes AA). */
  accent: string | null;
  /** The same on the dark scheme's background; derived from `accent` when not set. */
  accentDark: string | null;
  fontStack: string | null;
  footerLinks: { label: string; url: string }[];
  publisherName: string;
  poweredBy: boolean;
}

/** The product's own look: what a newsroom that set nothing gets. */
export const DEFAULT_BRAND: Brand = {
  siteName: 'livepage',
  logo: null,
  accent: null,
  accentDark: null,
  fontStack: null,
  footerLinks: [],
  publisherName: 'livepage',
  poweredBy: true,
};

/** The light and dark backgrounds of the reader's stylesheet (public/livepage.css). */
export const LIGHT_BG = '#ffffff';
export const DARK_BG = '#121316';
/** WCAG 2 AA for normal text. */
export const AA = 4.5;

/** WCAG relative luminance of `#rrggbb`. */
export function luminance(color: string): number {
  const channel = (i: number) => {
    const c = parseInt(color.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `color` mixed towards white by `t` (0 to 1). */
function lighten(color: string, t: number): string {
  const out = [1, 3, 5].map((i) => {
    const c = parseInt(color.slice(i, i + 2), 16);
    return Math.round(c + (255 - c) * t)
      .toString(16)
      .padStart(2, '0');
  });
  return `#${out.join('')}`;
}

/**
 * A dark-scheme accent for `accent`: the least lightened tint that reads on the dark
 * background at AA (white is the limit, and always passes).
 */
export function darkAccent(accent: string): string {
  for (let t = 0; t <= 1; t += 0.05) {
    const c = lighten(accent, t);
    if (contrast(c, DARK_BG) >= AA) return c;
  }
  return '#ffffff';
}

const accentError = (field: string, color: string, bg: string, scheme: string) =>
  new AppError(
    422,
    'accent_contrast',
    `The accent ${color} has a contrast of ${contrast(color, bg).toFixed(2)}:1 against the ${scheme} background ${bg}; WCAG AA needs ${AA}:1. Choose a ${scheme === 'light' ? 'darker' : 'lighter'} colour.`,
    field,
  );

/**
 * Refuses colours readers could not read: the accent against white (it colours links and
 * is the background of white text), the dark accent against the dark background.
 */
export function checkBrandContrast(input: Pick<BrandSettings, 'accent' | 'accentDark'>): void {
  if (input.accent && contrast(input.accent, LIGHT_BG) < AA) throw accentError('accent', input.accent, LIGHT_BG, 'light');
  if (input.accentDark && contrast(input.accentDark, DARK_BG) < AA) throw accentError('accentDark', input.accentDark, DARK_BG, 'dark');
}

/** An SVG logo could carry script; the media pipeline does not sanitise SVG, so it is refused. */
export function checkLogo(src: string): void {
  if (/\.svgz?(?:$|[?#])/i.test(src) || /^data:/i.test(src)) {
    throw new AppError(415, 'svg_not_allowed', 'An SVG logo is not accepted (it could carry script): upload a PNG, JPEG, WebP or AVIF image.', 'logo.src');
  }
}

/** Applies `input` to `current`: a field sent as null is cleared, one left out is kept. */
export function mergeBrand(current: BrandSettings, input: BrandInput): BrandSettings {
  const next: BrandSettings = { ...current };
  for (const [key, value] of Object.entries(input) as [keyof BrandInput, unknown][]) {
    if (value === null) delete next[key];
    else if (value !== undefined) (next as Record<string, unknown>)[key] = value;
  }
  return next;
}

/** Settings over `defaults` (the environment's, themselves over {@link DEFAULT_BRAND}). */
export function resolveBrand(settings: BrandSettings, defaults: Partial<Brand> = {}): Brand {
  const base: Brand = { ...DEFAULT_BRAND, ...defaults };
  const siteName = settings.siteName ?? base.siteName;
  const accent = settings.accent ?? base.accent;
  return {
    siteName,
    logo: settings.logo ?? base.logo,
    accent,
    accentDark: settings.accentDark ?? (accent ? darkAccent(accent) : base.accentDark),
    fontStack: settings.fontStack ?? base.fontStack,
    footerLinks: settings.footerLinks ?? base.footerLinks,
    // Named after the site unless set: a newsroom that renamed its site is its publisher.
    publisherName: settings.publisherName ?? (settings.siteName !== undefined ? siteName : (defaults.publisherName ?? defaults.siteName ?? base.publisherName)),
    poweredBy: settings.poweredBy ?? base.poweredBy,
  };
}
