/**
 * How an embed shows inside the editor (issue 11): "Getting the post…", then the card as
 * readers will see it (provider, author, text, our thumbnail), or the reason it could not
 * be made, said plainly, with Try again; the caption under it. Plain DOM owned by this
 * view; text only (textContent), never the provider's markup.
 */
import type { Node as PmNode } from '@tiptap/pm/model';
import { embedPreview, onEmbedPreviews, requestEmbedPreview } from './embed-previews.js';

const text = (v: unknown) => (typeof v === 'string' ? v : '');

export function embedView({ node: first }: { node: PmNode }) {
  let node = first;
  const dom = document.createElement('figure');
  dom.className = 'nr-media nr-media--embed';
  dom.dataset.media = 'embed';
  const status = document.createElement('p');
  status.className = 'nr-embed__status';
  status.setAttribute('role', 'status');
  const card = document.createElement('div');
  card.className = 'nr-embed__card';
  const source = document.createElement('p');
  source.className = 'nr-media__kind';
  const words = document.createElement('p');
  words.className = 'nr-embed__text';
  const img = document.createElement('img');
  img.alt = '';
  const link = document.createElement('p');
  link.className = 'nr-embed__url';
  card.append(source, words, img, link);
  const retry = document.createElement('button');
  retry.type = 'button';
  retry.className = 'nr-button';
  retry.textContent = 'Try again';
  retry.addEventListener('click', () => requestEmbedPreview(text(node.attrs.url), true));
  const caption = document.createElement('figcaption');
  dom.append(status, card, retry, caption);

  const paint = () => {
    const url = text(node.attrs.url);
    const p = embedPreview(url);
    status.hidden = p?.state === 'ready';
    status.textContent = !p || p.state === 'loading' ? `Getting the post from ${host(url)}…` : p.state === 'error' ? `No card for this address: ${p.message}` : '';
    status.className = p?.state === 'error' ? 'nr-embed__status nr-upload-status__error' : 'nr-embed__status';
    retry.hidden = p?.state !== 'error';
    card.hidden = p?.state !== 'ready';
    if (p?.state === 'ready') {
      const c = p.card;
      source.textContent = [c.provider, c.author, c.handle].filter(Boolean).join(' · ');
      words.textContent = c.text ?? c.title ?? '';
      img.hidden = !c.thumbnail;
      if (c.thumbnail && img.getAttribute('src') !== c.thumbnail.src) img.src = c.thumbnail.src;
    }
    link.textContent = url;
    caption.textContent = text(node.attrs.caption);
  };
  paint();
  requestEmbedPreview(text(node.attrs.url));
  const stop = onEmbedPreviews(paint);
  return {
    dom,
    update(next: PmNode) {
      if (next.type !== node.type) return false;
      const moved = text(next.attrs.url) !== text(node.attrs.url);
      node = next;
      if (moved) requestEmbedPreview(text(node.attrs.url));
      paint();
      return true;
    },
    ignoreMutation: () => true,
    destroy: stop,
  };
}

function host(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the address';
  }
}
