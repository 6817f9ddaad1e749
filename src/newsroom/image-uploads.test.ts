import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { docToBlocks } from './blocks.js';
import { imageProblems, pendingFree } from './image-uploads.js';
import type { UploadState } from './upload-state.js';

const image = (attrs: Record<string, unknown>): JSONContent => ({ type: 'image', attrs: { src: '/media/x/1.jpg', alt: null, caption: null, credit: null, width: null, height: null, uploadId: null, ...attrs } });
const para = (text: string): JSONContent => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });
const file = new File(['x'], 'a.jpg', { type: 'image/jpeg' });
const states: Record<string, UploadState> = {
  busy: { file, preview: 'blob:1', progress: 0.4 },
  failed: { file, preview: 'blob:2', progress: 0, error: 'Not uploaded: …' },
};
const state = (id: string) => states[id];

describe('photos uploading into a post', () => {
  it('are neither blocks nor kept by autosave until uploaded', () => {
    const d = doc(para('Before'), image({ src: 'blob:1', uploadId: 'busy', alt: 'Quay' }), image({ alt: 'Done', width: 10, height: 5 }));
    expect(docToBlocks(d)).toEqual([
      { type: 'paragraph', text: 'Before' },
      { type: 'image', src: '/media/x/1.jpg', alt: 'Done', width: 10, height: 5 },
    ]);
    expect(pendingFree(d).content!.map((n) => n.attrs?.alt ?? n.type)).toEqual(['paragraph', 'Done']);
    expect(JSON.stringify(pendingFree(d))).not.toContain('blob:');
    expect(pendingFree(doc(image({ uploadId: 'busy' })))).toEqual(doc({ type: 'paragraph' }));
    const untouched = doc(para('x'));
    expect(pendingFree(untouched)).toBe(untouched);
  });

  it('stop the post at the photo: uploading, failed, forgotten, or without alt text', () => {
    const d = doc(
      image({ alt: 'Fine' }),
      para('x'),
      image({ uploadId: 'busy', alt: 'Typed while uploading' }),
      image({ uploadId: 'failed' }),
      image({ uploadId: 'gone' }),
      image({ alt: '   ' }),
    );
    expect(imageProblems(d, state)).toEqual([
      { n: 2, message: 'Photo 2 is still uploading: wait until it is done.' },
      { n: 3, message: 'Photo 3 did not upload: try again or remove it.' },
      { n: 4, message: 'Photo 4 did not upload: try again or remove it.' },
      { n: 5, message: 'Photo 5 needs alt text: describe it for people who cannot see it.' },
    ]);
    expect(imageProblems(doc(image({ alt: 'Fine' })), state)).toEqual([]);
  });
});
