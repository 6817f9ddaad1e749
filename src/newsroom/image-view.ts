/**
 * How an image shows inside the editor: the picture (the local file while it uploads),
 * a progress bar, or why the upload failed, and the caption line. Plain DOM owned by
 * this view (ProseMirror leaves it alone); the photo's list under the editor
 * (post-images.tsx) carries the same state for assistive technology.
 */
import type { Node as PmNode } from '@tiptap/pm/model';
import { onUploads, uploadState } from './upload-state.js';
import { percent } from './media-upload.js';

const text = (v: unknown) => (typeof v === 'string' ? v : '');

export function imageView({ node: first }: { node: PmNode }) {
  let node = first;
  const dom = document.createElement('figure');
  dom.className = 'nr-media nr-media--image';
  dom.dataset.media = 'image';
  const img = document.createElement('img');
  const status = document.createElement('div');
  status.className = 'nr-upload-status';
  // The list under the editor says the same in words, with the fields to act on.
  status.setAttribute('aria-hidden', 'true');
  const bar = document.createElement('progress');
  bar.max = 100;
  const line = document.createElement('p');
  const caption = document.createElement('figcaption');
  status.append(bar, line);
  dom.append(img, status, caption);

  const paint = () => {
    const a = node.attrs;
    if (img.getAttribute('src') !== text(a.src)) img.src = text(a.src);
    img.alt = text(a.alt);
    for (const k of ['width', 'height'] as const) {
      if (typeof a[k] === 'number') img.setAttribute(k, String(a[k]));
      else img.removeAttribute(k);
    }
    const up = a.uploadId ? uploadState(String(a.uploadId)) : undefined;
    status.hidden = !a.uploadId;
    bar.hidden = !up || !!up.error;
    bar.value = Math.round((up?.progress ?? 0) * 100);
    line.textContent = !a.uploadId ? '' : up?.error ? up.error : up ? `Uploading ${percent(up.progress)}` : 'Not uploaded: reload lost the file. Remove it and add it again.';
    line.className = up?.error ? 'nr-upload-status__error' : '';
    dom.classList.toggle('nr-media--uploading', !!a.uploadId);
    caption.textContent = [text(a.caption), a.credit ? `Credit: ${text(a.credit)}` : ''].filter(Boolean).join(' · ') || `Image: ${text(a.alt) || 'no alt text yet'}`;
  };
  paint();
  const stop = onUploads(() => node.attrs.uploadId && paint());
  return {
    dom,
    update(next: PmNode) {
      if (next.type !== node.type) return false;
      node = next;
      paint();
      return true;
    },
    ignoreMutation: () => true,
    destroy: stop,
  };
}
