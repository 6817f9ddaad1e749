/**
 * The composer's fields and the API bodies made from them. Pure: the Tiptap document is
 * plain JSON here, turned into blocks by blocks.ts.
 */
import type { JSONContent } from '@tiptap/core';
import type { Block } from '../domain/block.js';
import { blocksToDoc, checkBlocks, docToBlocks } from './blocks.js';
import type { ApiPost, Contributor, Label } from './types.js';

export interface PostFields {
  title: string;
  /** The body as the editor's document. */
  doc: JSONContent;
  label: Label | '';
  contributors: Contributor[];
  keyEvent: boolean;
  pinned: boolean;
  /**
   * When it goes live: an ISO instant, '' when unset. The schedule field shows and takes
   * it in the page's zone (composer-parts.tsx), not the browser's.
   */
  scheduledFor: string;
}

/** A person's byline as a post's contributor. */
export const asContributor = (b: { name: string; role: string | null; photo: string | null }): Contributor => ({
  name: b.name,
  ...(b.role ? { role: b.role } : {}),
  ...(b.photo ? { photo: b.photo } : {}),
});

export const emptyFields = (): PostFields => ({
  title: '',
  doc: { type: 'doc', content: [{ type: 'paragraph' }] },
  label: '',
  contributors: [],
  keyEvent: false,
  pinned: false,
  scheduledFor: '',
});

/**
 * A stored post as composer fields. "Key event" is one control, the checkbox: the label
 * of that name is what readers see on a key event without another label (the reader's
 * postLabel), so a post labelled "key-event" comes back as a key event without a label.
 */
export function fieldsFromPost(post: ApiPost): PostFields {
  return {
    title: post.title,
    doc: blocksToDoc(post.body),
    label: post.label === 'key-event' ? '' : (post.label ?? ''),
    contributors: post.contributors.map((c) => ({ ...c })),
    keyEvent: post.keyEvent || post.label === 'key-event',
    pinned: post.pinned,
    scheduledFor: post.scheduledFor ?? '',
  };
}

/**
 * The scheduled time as an ISO instant, or null when there is none. A value without a
 * zone is a `datetime-local` one autosaved before the field took the page's zone: it
 * was in this browser's zone.
 */
export function scheduledInstant(value: string): string | null {
  const zoned = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value);
  if (!zoned && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** What the journalist wants done with the composer's content. */
export type PostAction = 'publish' | 'submit' | 'draft' | 'schedule' | 'save';

export interface FieldProblem {
  field: 'title' | 'body' | 'scheduledFor';
  message: string;
}

/** The problems the API would refuse, found before asking it (SPEC §2 limits). */
export function checkFields(f: PostFields, action: PostAction, now = new Date()): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const title = f.title.trim();
  if (title === '') problems.push({ field: 'title', message: 'Give the post a title.' });
  else if (title.length > 200) problems.push({ field: 'title', message: `The title is ${title.length} characters; keep it to 200.` });
  for (const p of checkBlocks(docToBlocks(f.doc))) problems.push({ field: 'body', message: p.message });
  if (action === 'schedule') {
    const at = scheduledInstant(f.scheduledFor);
    if (!at) problems.push({ field: 'scheduledFor', message: 'Choose when the post should go live.' });
    else if (new Date(at) <= now) problems.push({ field: 'scheduledFor', message: 'Choose a time in the future.' });
  }
  return problems;
}

const STATUS: Record<Exclude<PostAction, 'save'>, 'published' | 'submitted' | 'draft' | 'scheduled'> = {
  publish: 'published',
  submit: 'submitted',
  draft: 'draft',
  schedule: 'scheduled',
};

/** The content fields every body carries. */
function content(f: PostFields): { title: string; label: Label | null; contributors: Contributor[]; body: Block[]; keyEvent: boolean } {
  return {
    title: f.title.trim(),
    label: f.label === '' ? null : f.label,
    contributors: f.contributors.map((c) => ({ name: c.name.trim(), ...(c.role?.trim() ? { role: c.role.trim() } : {}), ...(c.photo ? { photo: c.photo } : {}) })).filter((c) => c.name !== ''),
    body: docToBlocks(f.doc),
    keyEvent: f.keyEvent,
  };
}

/** Body of `POST /pages/{slug}/posts`. Only a post going live may be pinned. */
export function createBody(f: PostFields, action: Exclude<PostAction, 'save'>): Record<string, unknown> {
  const status = STATUS[action];
  return {
    ...content(f),
    status,
    ...(status === 'published' && f.pinned ? { pinned: true } : {}),
    ...(status === 'scheduled' ? { scheduledFor: scheduledInstant(f.scheduledFor) } : {}),
  };
}

/** Body of `PATCH /posts/{id}`: the content, and a new status when the action changes it. */
export function patchBody(f: PostFields, action: PostAction): Record<string, unknown> {
  if (action === 'save') return content(f);
  const status = STATUS[action];
  return { ...content(f), status, ...(status === 'scheduled' ? { scheduledFor: scheduledInstant(f.scheduledFor) } : {}) };
}

/** A contributor typed into the name and role boxes but not yet added to the list. */
export interface TypedContributor {
  name: string;
  role: string;
}

/**
 * The contributors with the one still in the boxes added (the journalist meant them,
 * even without pressing "Add contributor"), or why it cannot be added.
 */
export function withTypedContributor(list: Contributor[], typed: TypedContributor): { contributors: Contributor[]; problem?: string } {
  const c: Contributor = { name: typed.name.trim(), ...(typed.role.trim() ? { role: typed.role.trim() } : {}) };
  if (!c.name) return typed.role.trim() ? { contributors: list, problem: 'Type the contributor’s name, or clear the role.' } : { contributors: list };
  if (list.some((v) => v.name === c.name && (v.role ?? '') === (c.role ?? ''))) return { contributors: list };
  if (list.length >= 10) return { contributors: list, problem: 'A post has at most 10 contributors.' };
  return { contributors: [...list, c] };
}

/** True when nothing worth keeping has been typed. */
export function isBlank(f: PostFields): boolean {
  return f.title.trim() === '' && docToBlocks(f.doc).length === 0 && f.contributors.length === 0;
}
