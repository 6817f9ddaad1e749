/**
 * Photos uploading into a post. The image node shows the file at once (an object URL)
 * and carries an `uploadId` until the server's answer swaps in our image's path and
 * size; progress and failures live here, outside the document, so they are neither
 * undone nor autosaved. A node still carrying an `uploadId` is never sent or kept as a
 * block (blocks.ts, pendingFree): a draft never holds a broken image.
 */
import type { Editor, JSONContent } from '@tiptap/core';
import type { Api } from './api.js';
import { insertMedia } from './media-nodes.js';
import { pickedImage, uploadFailure, type MediaItem } from './media-upload.js';
import { dropUpload, setUpload, updateUpload, uploadState, type UploadState } from './upload-state.js';

let counter = 0;
const newId = () => `up-${Date.now().toString(36)}-${(counter++).toString(36)}`;

/** The position of the image node uploading as `id`, if it is still in the document. */
function findUpload(editor: Editor, id: string): number | null {
  let at: number | null = null;
  editor.state.doc.descendants((node, pos) => {
    if (at !== null) return false;
    if (node.type.name === 'image' && node.attrs.uploadId === id) at = pos;
    return at === null;
  });
  return at;
}

/** Sets attributes of the node at `pos` without moving the selection or the focus. */
export function setNodeAttrs(editor: Editor, pos: number, attrs: Record<string, unknown>): void {
  const node = editor.state.doc.nodeAt(pos);
  if (!node) return;
  editor.view.dispatch(editor.state.tr.setNodeMarkup(pos, undefined, { ...node.attrs, ...attrs }));
}

export interface UploadTarget {
  api: Api;
  /** The page the photo belongs to (its media library). */
  slug: string;
}

/** Inserts `file` as an uploading image (at `at`, else after the cursor) and uploads it; returns its upload id. */
export function startUpload(editor: Editor, target: UploadTarget, file: File, at?: number): string {
  const id = newId();
  const preview = URL.createObjectURL(file);
  setUpload(id, { file, preview, progress: 0 });
  const attrs = { src: preview, uploadId: id };
  if (at === undefined) insertMedia(editor, 'image', attrs);
  else editor.chain().insertContentAt(at, [{ type: 'image', attrs }, { type: 'paragraph' }]).run();
  send(editor, target, id);
  return id;
}

/** Sends the upload `id` again (after a failure). */
export function retryUpload(editor: Editor, target: UploadTarget, id: string): void {
  if (uploadState(id)) send(editor, target, id);
}

function send(editor: Editor, target: UploadTarget, id: string): void {
  const s = uploadState(id)!;
  const form = new FormData();
  form.append('file', s.file, s.file.name || 'photo');
  updateUpload(id, { progress: 0, error: undefined });
  const req = target.api.upload<MediaItem>(`/api/v1/media?page=${encodeURIComponent(target.slug)}`, form, (progress) => updateUpload(id, { progress }));
  req.done.then(
    (item) => {
      const pos = editor.isDestroyed ? null : findUpload(editor, id);
      // Alt text typed while it uploaded is kept; the library's own alt fills an empty one.
      if (pos !== null) {
        const { alt, ...facts } = pickedImage(item);
        const node = editor.state.doc.nodeAt(pos);
        setNodeAttrs(editor, pos, { ...facts, uploadId: null, ...(node?.attrs.alt ? {} : { alt }) });
      }
      dropUpload(id);
    },
    (err) => updateUpload(id, { error: uploadFailure(err) }),
  );
}

/** A document as autosave keeps it: images still uploading (or failed) left out. */
export function pendingFree(doc: JSONContent): JSONContent {
  const content = doc.content?.filter((n) => !(n.type === 'image' && n.attrs?.uploadId));
  return content && content.length !== doc.content?.length ? { ...doc, content: content.length > 0 ? content : [{ type: 'paragraph' }] } : doc;
}

export interface ImageProblem {
  /** The photo's number among the post's images, from 1. */
  n: number;
  message: string;
}

/** What stops a post with photos from being sent: uploads not done, alt text missing. */
export function imageProblems(doc: JSONContent, state: (id: string) => UploadState | undefined = uploadState): ImageProblem[] {
  const out: ImageProblem[] = [];
  const images = (doc.content ?? []).filter((n) => n.type === 'image');
  images.forEach((node, i) => {
    const n = i + 1;
    const id = node.attrs?.uploadId as string | null | undefined;
    const alt = typeof node.attrs?.alt === 'string' ? node.attrs.alt.trim() : '';
    const up = id ? state(id) : undefined;
    // No state: an undo brought back a photo whose upload was forgotten.
    if (id && (!up || up.error)) out.push({ n, message: `Photo ${n} did not upload: try again or remove it.` });
    else if (id) out.push({ n, message: `Photo ${n} is still uploading: wait until it is done.` });
    else if (!alt) out.push({ n, message: `Photo ${n} needs alt text: describe it for people who cannot see it.` });
  });
  return out;
}
