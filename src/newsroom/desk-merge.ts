/**
 * Merging what the desk stream pushes into the lists the desk shows: a changed post
 * leaves the list it was in and joins its status's list in order; totals follow. Pure, so
 * the desk updates from events without refetching everything.
 */
import type { ApiPost, ListStatus } from './types.js';

export interface PostsShown {
  posts: ApiPost[];
  /** How many posts of this status there are in all. */
  total: number;
  /** True when the API has more than are shown. */
  more: boolean;
}

export type Lists = Partial<Record<ListStatus, PostsShown>>;

/** The order the API lists them in: newest first by published, scheduled or created time. */
const sortKey = (p: ApiPost) => p.publishedAt ?? p.scheduledFor ?? p.createdAt;
const newestFirst = (a: ApiPost, b: ApiPost) => sortKey(b).localeCompare(sortKey(a)) || b.id.localeCompare(a.id);

/**
 * `lists` with `changed` posts moved to, or updated in, their status's list. `snapshotAt`:
 * when the lists were read; a post not shown and last changed before then is already
 * counted in the totals (it lies beyond what is shown), so it changes nothing.
 */
export function mergePosts(lists: Lists, changed: ApiPost[], snapshotAt = ''): Lists {
  let next = lists;
  for (const post of changed) next = mergeOne(next, post, snapshotAt);
  return next;
}

function mergeOne(lists: Lists, post: ApiPost, snapshotAt: string): Lists {
  const shown = Object.values(lists).some((l) => l.posts.some((p) => p.id === post.id));
  if (!shown && post.updatedAt < snapshotAt) return lists;
  const next: Lists = {};
  for (const [status, l] of Object.entries(lists) as [ListStatus, PostsShown][]) {
    const had = l.posts.find((p) => p.id === post.id);
    if (had && had.version > post.version) return lists; // an older copy arrived late
    if (!had) {
      next[status] = l;
      continue;
    }
    const rest = l.posts.filter((p) => p.id !== post.id);
    next[status] = status === post.status ? l : { ...l, posts: rest, total: Math.max(0, l.total - 1) };
  }
  const target = next[post.status as ListStatus];
  if (!target) return next; // a list this desk does not show
  const wasHere = target.posts.some((p) => p.id === post.id);
  const posts = [...target.posts.filter((p) => p.id !== post.id), post].sort(newestFirst);
  // A post new to this desk, older than everything shown while more exist, belongs further down.
  const beyond = !wasHere && target.more && posts[posts.length - 1]?.id === post.id;
  next[post.status as ListStatus] = {
    ...target,
    posts: beyond ? target.posts : posts,
    total: wasHere ? target.total : target.total + 1,
  };
  return next;
}
