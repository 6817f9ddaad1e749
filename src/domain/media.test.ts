import { describe, expect, it } from 'vitest';
import { derivativeWidths, mediaJson, type Media } from './media.js';

describe('derivative widths', () => {
  it('lists each width once: the standard ones below the picture, then its own (capped at the largest)', () => {
    expect(derivativeWidths(800)).toEqual([320, 640, 800]);
    expect(derivativeWidths(1920)).toEqual([320, 640, 960, 1280, 1920]);
    // A phone photo (3000 wide) once got 1920 twice: bench:media waited for 18 files of 15.
    expect(derivativeWidths(3000)).toEqual([320, 640, 960, 1280, 1920]);
    expect(derivativeWidths(200)).toEqual([200]);
  });

  it('answers as many srcset entries as files are made', () => {
    const m: Media = { id: 'm', pageId: null, hash: 'a'.repeat(32), type: 'image/jpeg', sourceType: 'image/jpeg', width: 3000, height: 4000, bytes: 1, alt: null, color: null, createdBy: null, createdAt: '2026-01-01T00:00:00Z' };
    expect(Object.values(mediaJson(m, 'https://x.test').srcset).flat()).toHaveLength(15);
  });
});
