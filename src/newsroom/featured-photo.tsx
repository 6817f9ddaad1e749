/**
 * The page's featured image from a photo: choose a file (uploaded with a progress bar,
 * shown at once from the device) or pick from the page's media library. The chosen
 * image's path fills the featured media's address; page settings saves it as before.
 */
import { useState } from 'preact/hooks';
import { useApp } from './context.js';
import { ImagePicker } from './image-picker.js';
import { percent, pickedImage, uploadFailure, type MediaItem, type PickedImage } from './media-upload.js';

export function FeaturedPhoto({ slug, src, onChosen }: { slug: string; src: string; onChosen: (image: PickedImage) => void }) {
  const { api } = useApp();
  const [preview, setPreview] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string>();
  const upload = (file: File) => {
    const local = URL.createObjectURL(file);
    setPreview(local);
    setError(undefined);
    setProgress(0);
    const form = new FormData();
    form.append('file', file, file.name || 'photo');
    api
      .upload<MediaItem>(`/api/v1/media?page=${encodeURIComponent(slug)}`, form, setProgress)
      .done.then((item) => onChosen(pickedImage(item)), (e) => setError(uploadFailure(e)))
      .finally(() => {
        setProgress(null);
        setPreview(null);
        URL.revokeObjectURL(local);
      });
  };
  const shown = preview ?? (src.trim() ? src.trim() : null);
  return (
    <div class="nr-featured-photo">
      {shown && <img class="nr-photo__thumb" src={shown} alt="" />}
      <div class="nr-photo__status" aria-live="polite">
        {progress !== null && (
          <>
            <progress max={100} value={Math.round(progress * 100)} aria-label="Featured photo upload" />
            <span>Uploading {percent(progress)}</span>
          </>
        )}
        {error && <p class="nr-field__error">{error}</p>}
      </div>
      <ImagePicker id="nr-featured" slug={slug} onFile={upload} onPick={(item) => onChosen(pickedImage(item))} />
    </div>
  );
}
