import { describe, expect, it } from 'vitest';
import { ApiError } from './api.js';
import { imageFiles, percent, pickedImage, sitePath, thumbnailSrc, uploadFailure, type MediaItem } from './media-upload.js';

const HASH = '0123456789abcdef0123456789abcdef';
const entry = (w: number, ext = 'jpg') => ({ src: `https://news.example.org/media/${HASH}/${w}.${ext}`, width: w, height: Math.round(w * 0.75) });
const item: MediaItem = {
  id: 'm1',
  src: `https://news.example.org/media/${HASH}/1280.jpg`,
  width: 1280,
  height: 960,
  alt: null,
  createdAt: '2030-01-01T00:00:00Z',
  srcset: { avif: [entry(320, 'avif')], webp: [entry(320, 'webp')], jpeg: [entry(640), entry(320), entry(1280)] },
};

describe('uploaded media in the newsroom', () => {
  it('stores our own images as site paths and leaves other addresses alone', () => {
    expect(sitePath(`http://livepage.test/media/${HASH}/1280.jpg`)).toBe(`/media/${HASH}/1280.jpg`);
    expect(sitePath(`/media/${HASH}/640.jpg`)).toBe(`/media/${HASH}/640.jpg`);
    expect(sitePath('https://images.example.org/media/photo.jpg')).toBe('https://images.example.org/media/photo.jpg');
    expect(sitePath('https://images.example.org/a.jpg')).toBe('https://images.example.org/a.jpg');
    expect(pickedImage(item)).toEqual({ src: `/media/${HASH}/1280.jpg`, width: 1280, height: 960, alt: null, mediaId: 'm1' });
    expect(pickedImage({ ...item, color: '#6a8caf' })).toMatchObject({ mediaId: 'm1', color: '#6a8caf' });
  });

  it('shows the 320-wide JPEG in the library, else the smallest', () => {
    expect(thumbnailSrc(item)).toBe(`/media/${HASH}/320.jpg`);
    expect(thumbnailSrc({ ...item, srcset: { ...item.srcset, jpeg: [entry(640), entry(200)] } })).toBe(`/media/${HASH}/200.jpg`);
    expect(thumbnailSrc({ ...item, srcset: { ...item.srcset, jpeg: [] } })).toBe(`/media/${HASH}/1280.jpg`);
  });

  it('says why an upload failed in plain words', () => {
    expect(uploadFailure(new ApiError(415, 'unsupported_media_type', 'This is not an image we take: send a JPEG.'))).toBe(
      'Not uploaded: this file is not a photo we can use. Choose a JPEG, PNG, WebP, AVIF or GIF.',
    );
    expect(uploadFailure(new ApiError(413, 'payload_too_large', 'The file is larger than the limit of 25.0 MB.'))).toBe(
      'Not uploaded: the file is too big. The file is larger than the limit of 25.0 MB. Choose a smaller photo.',
    );
    expect(uploadFailure(new ApiError(422, 'invalid_image', 'The image has too many pixels.'))).toBe('Not uploaded: the photo could not be used. The image has too many pixels.');
    expect(uploadFailure(new ApiError(0, 'network_error', 'x'))).toContain('connection');
    expect(uploadFailure(new Error('boom'))).toBe('Not uploaded: something went wrong. Try again.');
  });

  it('takes only image files from a paste or drop, and rounds progress', () => {
    const files = [new File(['x'], 'a.png', { type: 'image/png' }), new File(['x'], 'a.txt', { type: 'text/plain' })];
    expect(imageFiles(files).map((f) => f.name)).toEqual(['a.png']);
    expect(imageFiles(null)).toEqual([]);
    expect([percent(0), percent(0.456), percent(1.2)]).toEqual(['0%', '46%', '100%']);
  });
});
