/**
 * A page's media library: its recent uploads (GET /api/v1/media?page=) as a grid of
 * thumbnails (the 320-wide derivative), each a button that picks it. Loaded only when
 * opened (image-picker.tsx imports it on demand).
 */
import { useEffect, useState } from 'preact/hooks';
import { messageOf } from './api.js';
import { useApp } from './context.js';
import { thumbnailSrc, type MediaItem } from './media-upload.js';
import { formatTime } from './ui.js';

export function MediaLibrary({ slug, onPick }: { slug: string; onPick: (item: MediaItem) => void }) {
  const { api } = useApp();
  const [items, setItems] = useState<MediaItem[] | null>(null);
  const [error, setError] = useState<string>();
  useEffect(() => {
    api.get<{ media: MediaItem[] }>(`/api/v1/media?page=${encodeURIComponent(slug)}`).then(
      (r) => setItems(r.media),
      (e) => setError(messageOf(e)),
    );
  }, [slug]);
  if (error) return <p class="nr-error" role="alert">{error}</p>;
  if (!items) return <p role="status">Loading this page’s photos…</p>;
  if (items.length === 0) return <p role="status">No photos uploaded to this page yet.</p>;
  return (
    <ul class="nr-library" aria-label="This page’s photos">
      {items.map((m) => {
        const thumb = m.srcset?.jpeg?.find((e) => e.width === 320);
        return (
          <li key={m.id}>
            <button type="button" class="nr-library__item" onClick={() => onPick(m)} aria-label={`Use photo: ${m.alt ?? `uploaded ${formatTime(m.createdAt)}`}`}>
              <img src={thumbnailSrc(m)} alt="" width={thumb?.width ?? 320} height={thumb?.height ?? 240} loading="lazy" decoding="async" />
            </button>
          </li>
        );
      })}
    </ul>
  );
}
