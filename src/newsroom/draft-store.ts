/**
 * Autosave: what a journalist has typed and not yet sent, kept in this browser per person
 * and page, so a crash, a reload, a flat battery or an ended session loses nothing:
 * the composer's unsent post (with the Idempotency-Key its sending uses, so a retry after
 * a lost answer cannot publish it twice) and in-place edits of existing posts (with the
 * version the edit started from, so a colleague's change in between is still shown as a
 * conflict). Signing out deletes the person's copies: newsroom machines are shared.
 *
 * Storage is passed in (localStorage in the app, a fake in tests) and every failure
 * (private mode, quota) is swallowed: autosave is a safety net, never a reason for an error.
 */
import { isLabel } from './constants.js';
import { emptyFields, fieldsFromPost, type PostFields } from './post-fields.js';
import type { ApiPost, Contributor } from './types.js';

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> & Partial<Pick<Storage, 'key' | 'length'>>;

const PREFIX = 'livepage:newsroom:';
export const draftKey = (userId: string, slug: string) => `${PREFIX}draft:${userId}:${slug}`;
export const editKey = (userId: string, slug: string, postId: string) => `${PREFIX}edit:${userId}:${slug}:${postId}`;

/** Set on sign-out: the tab's last autosave (on pagehide) must not write the drafts back. */
let suspended = false;
export const suspendAutosave = (on = true): void => void (suspended = on);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function write(storage: StorageLike, key: string, value: unknown): boolean {
  if (suspended) return false;
  try {
    storage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

function read(storage: StorageLike, key: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(key) ?? 'null');
    return isObject(parsed) && parsed.v === 1 ? parsed : null;
  } catch {
    return null;
  }
}

function remove(storage: StorageLike, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // Nothing to do: the copy simply stays.
  }
}

/** Every stored key that starts with `prefix` (none when the storage cannot list its keys). */
function keysWith(storage: StorageLike, prefix: string): string[] {
  const keys: string[] = [];
  try {
    for (let i = 0; i < (storage.length ?? 0); i++) {
      const k = storage.key?.(i);
      if (k?.startsWith(prefix)) keys.push(k);
    }
  } catch {
    return [];
  }
  return keys;
}

/** Fields read back from storage, checked one by one (storage is not ours alone: never trust its shape). */
export function parseFields(f: unknown): PostFields {
  const base = emptyFields();
  if (!isObject(f)) return base;
  const doc = isObject(f.doc) && f.doc.type === 'doc' && Array.isArray(f.doc.content) ? (f.doc as PostFields['doc']) : base.doc;
  const contributors: Contributor[] = Array.isArray(f.contributors)
    ? f.contributors
        .filter((c): c is Record<string, unknown> => isObject(c) && typeof c.name === 'string')
        .map((c) => ({ name: String(c.name), ...(typeof c.role === 'string' && c.role ? { role: c.role } : {}) }))
        .slice(0, 10)
    : [];
  return {
    title: typeof f.title === 'string' ? f.title : '',
    doc,
    // "Key event" is the checkbox, not a label (post-fields.ts).
    label: isLabel(f.label) && f.label !== 'key-event' ? f.label : '',
    contributors,
    keyEvent: f.keyEvent === true || f.label === 'key-event',
    pinned: f.pinned === true,
    scheduledFor: typeof f.scheduledFor === 'string' ? f.scheduledFor : '',
  };
}

// ---- The composer's unsent post ----

export interface ComposerDraft {
  fields: PostFields;
  savedAt: string;
  /** The Idempotency-Key of this post's sending; absent in drafts saved before there was one. */
  idempotencyKey: string | null;
}

export function saveDraft(storage: StorageLike, userId: string, slug: string, fields: PostFields, idempotencyKey?: string, now = new Date()): boolean {
  return write(storage, draftKey(userId, slug), { v: 1, savedAt: now.toISOString(), fields, ...(idempotencyKey ? { idempotencyKey } : {}) });
}

export function clearDraft(storage: StorageLike, userId: string, slug: string): void {
  remove(storage, draftKey(userId, slug));
}

export function loadDraft(storage: StorageLike, userId: string, slug: string): ComposerDraft | null {
  const stored = read(storage, draftKey(userId, slug));
  if (!stored || !isObject(stored.fields)) return null;
  const key = stored.idempotencyKey;
  return {
    savedAt: typeof stored.savedAt === 'string' ? stored.savedAt : '',
    fields: parseFields(stored.fields),
    idempotencyKey: typeof key === 'string' && /^[\w-]{8,100}$/.test(key) ? key : null,
  };
}

// ---- In-place edits of existing posts ----

/** What an edit needs of the post it started from: which post, and the version for If-Match. */
export type EditBase = Pick<ApiPost, 'id' | 'version' | 'status' | 'title'>;

/** An edit in progress: the fields as typed and the version they started from. */
export interface EditDraft {
  fields: PostFields;
  base: EditBase;
}

const STATUSES = new Set(['published', 'draft', 'submitted', 'scheduled', 'unpublished']);

export const editOf = (post: ApiPost): EditDraft => ({ fields: fieldsFromPost(post), base: baseOf(post) });
export const baseOf = (p: EditBase): EditBase => ({ id: p.id, version: p.version, status: p.status, title: p.title });

export function saveEdit(storage: StorageLike, userId: string, slug: string, edit: EditDraft, now = new Date()): boolean {
  return write(storage, editKey(userId, slug, edit.base.id), { v: 1, savedAt: now.toISOString(), fields: edit.fields, base: baseOf(edit.base) });
}

export function clearEdit(storage: StorageLike, userId: string, slug: string, postId: string): void {
  remove(storage, editKey(userId, slug, postId));
}

/** This person's unsaved edits on this page, oldest first. */
export function loadEdits(storage: StorageLike, userId: string, slug: string): EditDraft[] {
  const found: (EditDraft & { savedAt: string })[] = [];
  for (const key of keysWith(storage, editKey(userId, slug, ''))) {
    const stored = read(storage, key);
    const b = stored?.base;
    if (!stored || !isObject(b) || !isObject(stored.fields)) continue;
    const { id, version, status, title } = b;
    if (typeof id !== 'string' || key !== editKey(userId, slug, id)) continue;
    if (!Number.isInteger(version) || typeof status !== 'string' || !STATUSES.has(status) || typeof title !== 'string') continue;
    found.push({
      fields: parseFields(stored.fields),
      base: { id, version: version as number, status: status as EditBase['status'], title },
      savedAt: typeof stored.savedAt === 'string' ? stored.savedAt : '',
    });
  }
  return found.sort((a, b) => a.savedAt.localeCompare(b.savedAt)).map(({ fields, base }) => ({ fields, base }));
}

/** Deletes everything this person's autosave kept in this browser (on sign-out). */
export function forgetPerson(storage: StorageLike, userId: string): void {
  for (const kind of ['draft', 'edit']) for (const key of keysWith(storage, `${PREFIX}${kind}:${userId}:`)) remove(storage, key);
}

/** This browser's localStorage, or null where it is disabled (autosave then does nothing). */
export function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** True when this browser can keep drafts at all (not in some private modes, not when disabled). */
export function storageWorks(storage: StorageLike | null): boolean {
  if (!storage) return false;
  try {
    storage.setItem(`${PREFIX}probe`, '1');
    storage.removeItem(`${PREFIX}probe`);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes at most once per `delayMs` of quiet, and at once on `flush` (the tab going
 * away). Keyed, so several edits save independently.
 */
export function createSaver<T>(save: (key: string, value: T) => void, delayMs = 300) {
  const pending = new Map<string, T>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    for (const [k, v] of pending) save(k, v);
    pending.clear();
  };
  return {
    schedule(key: string, value: T) {
      pending.set(key, value);
      clearTimeout(timer);
      timer = setTimeout(flush, delayMs);
    },
    /** Drops what was waiting for `key` (it was sent, or discarded). */
    cancel(key: string) {
      pending.delete(key);
    },
    flush,
  };
}

/** A fresh Idempotency-Key: a random UUID (crypto.randomUUID needs a secure context; getRandomValues does not). */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
