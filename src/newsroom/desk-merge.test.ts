import { describe, expect, it } from 'vitest';
import { mergePosts, type Lists } from './desk-merge.js';
import type { ApiPost } from './types.js';

const post = (id: string, status: ApiPost['status'], at: string, version = 1): ApiPost =>
  ({ id, status, version, title: id, publishedAt: status === 'published' ? at : null, scheduledFor: null, createdAt: at, updatedAt: at }) as ApiPost;

describe('merging pushed posts into the desk lists', () => {
  const lists: Lists = {
    published: { posts: [post('b', 'published', '2026-01-01T10:02:00Z'), post('a', 'published', '2026-01-01T10:01:00Z')], total: 2, more: false },
    submitted: { posts: [post('s', 'submitted', '2026-01-01T10:03:00Z')], total: 1, more: false },
    draft: { posts: [], total: 0, more: false },
  };

  it('a new post joins its list in order and the total grows', () => {
    const next = mergePosts(lists, [post('c', 'submitted', '2026-01-01T10:04:00Z')]);
    expect(next.submitted!.posts.map((p) => p.id)).toEqual(['c', 's']);
    expect(next.submitted!.total).toBe(2);
    expect(next.published).toBe(lists.published); // untouched lists keep their identity
  });

  it('an approved post moves from the queue to the stream', () => {
    const next = mergePosts(lists, [post('s', 'published', '2026-01-01T10:05:00Z', 2)]);
    expect(next.submitted).toMatchObject({ posts: [], total: 0 });
    expect(next.published!.posts.map((p) => p.id)).toEqual(['s', 'b', 'a']);
    expect(next.published!.total).toBe(3);
  });

  it('an edit replaces the post in place; an older copy arriving late is ignored', () => {
    const edited = { ...post('a', 'published', '2026-01-01T10:01:00Z', 3), title: 'Edited' };
    const next = mergePosts(lists, [edited]);
    expect(next.published!.posts.map((p) => p.title)).toEqual(['b', 'Edited']);
    expect(next.published!.total).toBe(2);
    expect(mergePosts(next, [post('a', 'published', '2026-01-01T10:01:00Z', 2)])).toBe(next);
  });

  it('a post re-sent from before the snapshot, not shown, is already counted', () => {
    const partial: Lists = { draft: { posts: [post('d', 'draft', '2026-01-01T10:00:00Z')], total: 23, more: true } };
    const early = { ...post('e', 'draft', '2026-01-01T09:00:00Z'), updatedAt: '2026-01-01T10:00:00Z' };
    expect(mergePosts(partial, [early], '2026-01-01T10:00:01Z')).toBe(partial);
    expect(mergePosts(partial, [early], '2026-01-01T09:59:59Z').draft!.total).toBe(24);
  });

  it('a list the desk does not show is left alone; a post older than a partial list stays beyond it', () => {
    expect(mergePosts(lists, [post('x', 'scheduled', '2026-01-01T11:00:00Z')])).toEqual(lists);
    const partial: Lists = { published: { ...lists.published!, more: true, total: 40 } };
    const next = mergePosts(partial, [post('old', 'published', '2025-01-01T00:00:00Z')]);
    expect(next.published!.posts.map((p) => p.id)).toEqual(['b', 'a']);
    expect(next.published!.total).toBe(41);
  });
});
