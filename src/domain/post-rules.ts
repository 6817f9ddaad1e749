/**
 * The rules of the post workflow as pure functions: how a patch changes a post and which
 * reader events a change produces. Who may make which change is policy.ts's.
 */
import { invalidInput } from './errors.js';
import type { EventType } from './event.js';
import { can } from './policy.js';
import { isVisible, type Post, type PostPatch, type PostStatus } from './post.js';
import type { Actor } from './user.js';

/** The fields readers see; changing one of them on a published post marks it edited. */
const CONTENT_FIELDS = ['title', 'label', 'contributors', 'body', 'keyEvent', 'correction'] as const;

/** The status a new post gets when the request names none. */
export const defaultStatus = (actor: Actor): PostStatus => (can(actor, 'post.publish') ? 'published' : 'submitted');

/** Cross-field checks on the post that would result. */
export function checkPostState(next: Post, now: string): void {
  if (next.status === 'scheduled') {
    if (!next.scheduledFor) throw invalidInput('A scheduled post needs scheduledFor.', 'scheduledFor');
    if (next.scheduledFor <= now) throw invalidInput('scheduledFor must be in the future.', 'scheduledFor');
  }
  if (next.pinned && !isVisible(next)) throw invalidInput('Only a published post can be pinned.', 'pinned');
}

/** The post after `patch`, at time `now` (version, timestamps and publication handled). */
export function applyPatch(post: Post, patch: PostPatch, now: string): Post {
  const next: Post = { ...post, version: post.version + 1, updatedAt: now };
  if (patch.title !== undefined) next.title = patch.title;
  if (patch.label !== undefined) next.label = patch.label;
  if (patch.contributors !== undefined) next.contributors = patch.contributors;
  if (patch.body !== undefined) next.body = patch.body;
  if (patch.keyEvent !== undefined) next.keyEvent = patch.keyEvent;
  if (patch.correction !== undefined && patch.correction !== post.correction?.text)
    next.correction = patch.correction === null ? null : { text: patch.correction, at: now };
  if (patch.pinned !== undefined) next.pinned = patch.pinned;
  if (patch.status !== undefined) next.status = patch.status;
  if (patch.scheduledFor !== undefined) next.scheduledFor = patch.scheduledFor;
  if (next.status !== 'scheduled') next.scheduledFor = null;
  if (patch.publishedAt !== undefined) next.publishedAt = patch.publishedAt;
  else if (isVisible(next) && !next.publishedAt) next.publishedAt = now;
  if (isVisible(post) && isVisible(next) && contentChanged(post, next)) next.editedAt = now;
  if (!isVisible(next)) next.pinned = false;
  return next;
}

function contentChanged(a: Post, b: Post): boolean {
  return CONTENT_FIELDS.some((f) => JSON.stringify(a[f]) !== JSON.stringify(b[f]));
}

/** The reader event a change from `prev` to `next` produces, if any. */
export function postEventType(prev: Post | null, next: Post): EventType | null {
  const was = prev !== null && isVisible(prev);
  const is = isVisible(next);
  if (!was && is) return 'post.published';
  if (was && !is) return 'post.unpublished';
  if (was && is && (contentChanged(prev, next) || prev.publishedAt !== next.publishedAt)) return 'post.updated';
  return null;
}
