/** Reading a post's history: what each version changed, and what restoring one asks for. */
import type { Post, PostPatch } from './post.js';

/** The fields a version keeps, in the order the desk lists changes. */
export const VERSION_FIELDS = ['title', 'body', 'label', 'contributors', 'keyEvent', 'correction', 'status', 'pinned', 'scheduledFor', 'publishedAt'] as const;
export type VersionField = (typeof VERSION_FIELDS)[number];
export type VersionData = Pick<Post, VersionField>;

/** The fields that differ from `prev` to `next` (all of them for the first version). */
export function changedFields(prev: VersionData | null, next: VersionData): VersionField[] {
  if (!prev) return [];
  return VERSION_FIELDS.filter((f) => JSON.stringify(prev[f] ?? null) !== JSON.stringify(next[f] ?? null));
}

/**
 * The edit that brings back an earlier version's content: what readers read (title, body,
 * label, bylines, key event). Status, pin and the correction note stay as they are now;
 * a restore is a new version, never a rewrite of history.
 */
export function restorePatch(from: VersionData): PostPatch {
  return { title: from.title, body: from.body, label: from.label, contributors: from.contributors, keyEvent: from.keyEvent };
}
