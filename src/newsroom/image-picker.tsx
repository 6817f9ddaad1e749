/**
 * Where a photo comes from: a file (on a phone, the camera or the photo library) or the
 * page's media library. Used by the image form in the toolbar and the featured image in
 * page settings; the library's code loads only when it is first opened.
 */
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { MediaItem } from './media-upload.js';

type Library = FunctionComponent<{ slug: string; onPick: (item: MediaItem) => void }>;

export interface ImagePickerProps {
  id: string;
  slug: string;
  onFile: (file: File) => void;
  onPick: (item: MediaItem) => void;
}

export function ImagePicker({ id, slug, onFile, onPick }: ImagePickerProps) {
  const [open, setOpen] = useState(false);
  const [Library, setLibrary] = useState<Library | null>(null);
  useEffect(() => {
    if (open && !Library) void import('./media-library.js').then((m) => setLibrary(() => m.MediaLibrary));
  }, [open]);
  return (
    <div class="nr-picker">
      <div class="nr-actions">
        <PhotoFileButton id={`${id}-file`} label="Choose a photo" primary onFile={onFile} />
        <button type="button" class="nr-button" aria-expanded={open ? 'true' : 'false'} aria-controls={`${id}-library`} onClick={() => setOpen(!open)}>
          Media library
        </button>
      </div>
      <div id={`${id}-library`}>{open && (Library ? <Library slug={slug} onPick={onPick} /> : <p role="status">Loading this page’s photos…</p>)}</div>
    </div>
  );
}

/**
 * "Choose a photo": a file input (on a phone, the camera or the photo library) shown as a
 * button. Choosing the same file again is a new choice (the input is emptied each time).
 */
export function PhotoFileButton({ id, label, primary, onFile }: { id: string; label: string; primary?: boolean; onFile: (file: File) => void }) {
  return (
    <span class="nr-picker__file">
      <input
        id={id}
        type="file"
        accept="image/*"
        class="nr-picker__input"
        onChange={(e) => {
          const input = e.currentTarget as HTMLInputElement;
          const file = input.files?.[0];
          input.value = '';
          if (file) onFile(file);
        }}
      />
      <label for={id} class={`nr-button${primary ? ' nr-button--primary' : ''}`}>
        {label}
      </label>
    </span>
  );
}
