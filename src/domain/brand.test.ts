import { describe, expect, it } from 'vitest';
import { AA, brandInput, checkBrandContrast, checkLogo, contrast, DARK_BG, darkAccent, DEFAULT_BRAND, LIGHT_BG, mergeBrand, resolveBrand } from './brand.js';
import { AppError } from './errors.js';

const refusal = (fn: () => void): AppError | undefined => {
  try {
    fn();
  } catch (err) {
    return err as AppError;
  }
  return undefined;
};

describe('brand contrast', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('refuses an accent that fails AA on white, with a clear code and message', () => {
    const err = refusal(() => checkBrandContrast({ accent: '#ffcc00' }));
    expect(err).toMatchObject({ status: 422, code: 'accent_contrast', field: 'accent' });
    expect(err?.message).toMatch(/contrast of 1\.\d\d:1 against the light background #ffffff; WCAG AA needs 4\.5:1/);
    expect(refusal(() => checkBrandContrast({ accent: '#b80000' }))).toBeUndefined();
  });

  it('refuses a dark-scheme accent that fails AA on the dark background', () => {
    expect(refusal(() => checkBrandContrast({ accent: '#b80000', accentDark: '#550000' }))).toMatchObject({ code: 'accent_contrast', field: 'accentDark' });
  });

  it('derives a dark-scheme accent that passes when none is set', () => {
    for (const accent of ['#b80000', '#0b57b8', '#1b5e20', '#000000']) {
      const dark = darkAccent(accent);
      expect(contrast(dark, DARK_BG)).toBeGreaterThanOrEqual(AA);
    }
    expect(contrast('#b80000', LIGHT_BG)).toBeGreaterThanOrEqual(AA);
  });
});

describe('brand settings', () => {
  it('takes only safe font stacks and colours', () => {
    expect(brandInput.safeParse({ fontStack: 'Georgia, "Times New Roman", serif' }).success).toBe(true);
    expect(brandInput.safeParse({ fontStack: 'x;}body{display:none' }).success).toBe(false);
    expect(brandInput.safeParse({ accent: 'red' }).success).toBe(false);
    expect(brandInput.safeParse({ accent: '#B80000' }).data?.accent).toBe('#b80000');
    expect(brandInput.safeParse({ footerLinks: [{ label: 'About', url: 'javascript:alert(1)' }] }).success).toBe(false);
    expect(brandInput.safeParse({ surprise: 1 }).success).toBe(false);
  });

  it('refuses an SVG logo (it could carry script)', () => {
    expect(refusal(() => checkLogo('/media/logo.svg'))).toMatchObject({ status: 415, code: 'svg_not_allowed' });
    expect(refusal(() => checkLogo('https://cdn.example/logo.SVG?v=2'))).toMatchObject({ code: 'svg_not_allowed' });
    expect(refusal(() => checkLogo('/media/0123456789abcdef0123456789abcdef/640.png'))).toBeUndefined();
  });

  it('keeps fields left out, clears fields sent as null', () => {
    const current = { siteName: 'Planet', accent: '#b80000' };
    expect(mergeBrand(current, { accent: null, poweredBy: false })).toEqual({ siteName: 'Planet', poweredBy: false });
  });

  it('resolves settings over the environment defaults over the product defaults', () => {
    expect(resolveBrand({})).toEqual(DEFAULT_BRAND);
    const env = { siteName: 'Env News', publisherName: 'Env News Ltd' };
    expect(resolveBrand({}, env)).toMatchObject({ siteName: 'Env News', publisherName: 'Env News Ltd' });
    // A newsroom that renames its site publishes under that name unless it says otherwise.
    expect(resolveBrand({ siteName: 'Planet' }, env)).toMatchObject({ siteName: 'Planet', publisherName: 'Planet' });
    expect(resolveBrand({ accent: '#b80000' }).accentDark).toBe(darkAccent('#b80000'));
  });
});
