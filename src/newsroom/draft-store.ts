/**
 * Autosave: the composer's unsent post, kept in this browser per person and page, so a
 * crash, a reload or a flat battery loses nothing. Storage is passed in (localStorage in
 * the app, a fake in tests) and every failure (private mode, quota) is swallowed: the
 * draft is a safety net, never a reason for an error.
 */
import type { Contributor, Label } from './types.js';
import { emptyFields, type PostFields } from './post-fields.js';

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const draftKey = (userId: string, slug: string) => `livepage:newsroom:draft:${userId}:${slug}`;

interface Stored {
  v: 1;
  savedAt: string;
  fields: PostFields;
}

export function saveDraft(storage: StorageLike, userId: string, slug: string, fields: PostFields, now = new Date()): boolean {
  try {
    const stored: Stored = { v: 1, savedAt: now.toISOString(), fields };
    storage.setItem(draftKey(userId, slug), JSON.stringify(stored));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(storage: StorageLike, userId: string, slug: string): void {
  try {
    storage.removeItem(draftKey(userId, slug));
  } catch {
    // Nothing to do: the draft simply stays.
  }
}

const LABELS = new Set(['breaking', 'analysis', 'explainer', 'correction', 'key-event']);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The saved draft, checked field by field (storage is not ours alone: never trust its shape). */
export function loadDraft(storage: StorageLike, userId: string, slug: string): { fields: PostFields; savedAt: string } | null {
  let raw: string | null;
  try {
    raw = storage.getItem(draftKey(userId, slug));
  } catch {
    return null;
  }
  if (!raw) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isObject(parsed) || parsed.v !== 1 || !isObject(parsed.fields)) return null;
  const f = parsed.fields;
  const base = emptyFields();
  const doc = isObject(f.doc) && f.doc.type === 'doc' && Array.isArray(f.doc.content) ? (f.doc as PostFields['doc']) : base.doc;
  const contributors: Contributor[] = Array.isArray(f.contributors)
    ? f.contributors
        .filter((c): c is Record<string, unknown> => isObject(c) && typeof c.name === 'string')
        .map((c) => ({ name: String(c.name), ...(typeof c.role === 'string' && c.role ? { role: c.role } : {}) }))
        .slice(0, 10)
    : [];
  return {
    savedAt: typeof parsed.savedAt === 'string' ? parsed.savedAt : '',
    fields: {
      title: typeof f.title === 'string' ? f.title : '',
      doc,
      label: typeof f.label === 'string' && LABELS.has(f.label) ? (f.label as Label) : '',
      contributors,
      keyEvent: f.keyEvent === true,
      pinned: f.pinned === true,
      scheduledFor: typeof f.scheduledFor === 'string' ? f.scheduledFor : '',
    },
  };
}
