/** Uploads in progress, outside any document: their files, progress and failures, and who listens. */

export interface UploadState {
  file: File;
  /** The object URL the editor shows until the upload is done. */
  preview: string;
  /** Share of bytes sent, 0…1. */
  progress: number;
  /** Why it failed, in plain words. */
  error?: string | undefined;
}

const states = new Map<string, UploadState>();
const listeners = new Set<() => void>();

export const uploadState = (id: string): UploadState | undefined => states.get(id);

/** Calls `fn` on every change to any upload; returns the unsubscribe. */
export function onUploads(fn: () => void): () => void {
  listeners.add(fn);
  return () => void listeners.delete(fn);
}

export function updateUpload(id: string, patch: Partial<UploadState>): void {
  const s = states.get(id);
  if (!s) return;
  states.set(id, { ...s, ...patch });
  for (const fn of listeners) fn();
}

export function setUpload(id: string, state: UploadState): void {
  states.set(id, state);
  for (const fn of listeners) fn();
}

/** Forgets an upload (done, or its image removed) and frees its object URL. */
export function dropUpload(id: string): void {
  const s = states.get(id);
  if (!s) return;
  URL.revokeObjectURL(s.preview);
  states.delete(id);
  for (const fn of listeners) fn();
}
