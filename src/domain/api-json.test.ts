import { describe, expect, it } from 'vitest';
import { auditEntryJson, deskJson, embedPreviewJson, pageJson, postJson, postVersionJson, userJson } from './api-json.js';
import type { Snippet } from './snippet.js';
import type { Page } from './page.js';
import type { Post } from './post.js';
import type { User } from './user.js';

const page: Page = {
  id: 'p1', slug: 'storm', title: 'Storm', description: null, timeZone: 'Europe/London', locale: 'en-GB', summary: [],
  featuredMedia: null, state: 'live', continuedTo: null, continuationNotice: null, continuedFrom: null, pinnedPostId: null, seq: 3,
  createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', endedAt: null,
};
const post: Post = {
  id: 'x1', pageId: 'p1', title: 'T', label: null, contributors: [], body: [], keyEvent: false, pinned: false, status: 'published',
  scheduledFor: null, publishedAt: '2026-01-01T00:00:00Z', editedAt: null, correction: null, createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z', authorId: 'u1', version: 1,
};

describe('presenters', () => {
  it('a field added to the domain does not reach the API or webhooks until listed', () => {
    const internal = { internalNote: 'for the desk only', passwordHash: 'x' };
    expect(pageJson({ ...page, ...internal } as Page, 'https://live.test')).not.toHaveProperty('internalNote');
    expect(postJson({ ...post, ...internal } as Post, 3, 'https://live.test', 'storm', undefined)).not.toHaveProperty('passwordHash');
  });

  it('lists exactly the fields of the contract', () => {
    expect(Object.keys(pageJson(page, 'https://live.test')).sort()).toEqual(
      ['continuationNotice', 'continuedFrom', 'continuedTo', 'createdAt', 'description', 'endedAt', 'featuredMedia', 'id', 'locale', 'pinnedPostId', 'seq', 'slug', 'state', 'summary', 'timeZone', 'title', 'updatedAt', 'url'].sort(),
    );
    const anyone = postJson(post, 4, 'https://live.test', 'storm', undefined);
    expect(Object.keys(anyone).sort()).toEqual(
      ['body', 'contributors', 'correction', 'createdAt', 'editedAt', 'id', 'keyEvent', 'label', 'pageId', 'pinned', 'publishedAt', 'scheduledFor', 'seq', 'status', 'title', 'updatedAt', 'url', 'version'].sort(),
    );
    expect(anyone.url).toBe('https://live.test/live/storm/posts/x1');
    const user = { id: 'u1', email: 'a@example.test', name: 'A', role: 'editor', active: true, createdAt: '2026-01-01T00:00:00Z', byline: { name: 'A', role: null, photo: null, byDefault: true }, passwordHash: 'x' } as User;
    expect(Object.keys(userJson(user)).sort()).toEqual(['active', 'byline', 'createdAt', 'email', 'id', 'name', 'role']);
    expect(Object.keys(userJson(user).byline).sort()).toEqual(['byDefault', 'name', 'photo', 'role']);
    // Who wrote it is for the newsroom only.
    expect(postJson(post, 4, 'https://live.test', 'storm', { id: 'u2', role: 'editor' })).toHaveProperty('authorId', 'u1');
  });

  it('an embed preview: the address, its state and card; never the provider\'s markup', () => {
    const state = { id: 'e1', url: 'https://x.com/a/status/1', status: 'done' as const, error: null, card: null, markup: '<script></script>' };
    expect(Object.keys(embedPreviewJson(state)).sort()).toEqual(['card', 'error', 'status', 'url']);
  });

  it('the desk: each part listed, nothing the store or domain adds beyond it', () => {
    const leak = { passwordHash: 'x', internal: 1 };
    const user = { id: 'u1', email: 'a@example.test', name: 'A', role: 'editor', active: true, createdAt: '2026-01-01T00:00:00Z', byline: { name: 'A', role: null, photo: null, byDefault: true }, ...leak } as User;
    const snippet = { id: 's1', page: null, name: 'S', title: null, body: [], createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', ...leak } as Snippet;
    const list = { posts: [{ ...post, ...leak } as Post], total: 1, more: false, ...leak };
    const desk = deskJson(
      {
        at: new Date('2026-01-01T00:00:00Z'),
        page: { ...page, ...leak } as Page,
        lists: { published: list, submitted: list, draft: list, scheduled: list, unpublished: list },
        activity: { readers: 2, editing: [{ postId: 'x1', names: ['A'], people: [{ id: 'u1', name: 'A', ...leak }] }], history: [{ minute: '2026-01-01T00:00', readers: 2, posts: 0, ...leak }], ...leak } as never,
        pinned: { id: 'x1', title: 'T', ...leak } as never,
        bylines: [{ userId: 'u1', name: 'A', role: null, photo: null, byDefault: true, ...leak } as never],
        contributors: [{ name: 'B', role: undefined }, { name: 'C', role: 'Reporter' }],
        snippets: [snippet],
        me: user,
      },
      (p) => postJson(p, 3, 'https://live.test', 'storm', { id: 'u1', role: 'editor' }),
      'https://live.test',
    );
    expect(Object.keys(desk).sort()).toEqual(['activity', 'at', 'bylines', 'contributors', 'lists', 'me', 'page', 'pinned', 'seq', 'snippets']);
    expect(Object.keys(desk.lists)).toEqual(['published', 'submitted', 'draft', 'scheduled', 'unpublished']);
    expect(Object.keys(desk.lists.draft).sort()).toEqual(['more', 'posts', 'total']);
    expect(desk.lists.draft.posts[0]).not.toHaveProperty('passwordHash');
    expect(desk.activity).toEqual({ readers: 2, editing: [{ postId: 'x1', names: ['A'], people: [{ id: 'u1', name: 'A' }] }], history: [{ minute: '2026-01-01T00:00', readers: 2, posts: 0 }] });
    expect(desk.pinned).toEqual({ id: 'x1', title: 'T' });
    expect(desk.bylines).toEqual([{ userId: 'u1', name: 'A', role: null, photo: null, byDefault: true }]);
    expect(desk.contributors).toEqual([{ name: 'B' }, { name: 'C', role: 'Reporter' }]);
    expect(Object.keys(desk.snippets[0]!).sort()).toEqual(['body', 'createdAt', 'id', 'name', 'page', 'title', 'updatedAt']);
    expect(Object.keys(desk.me!).sort()).toEqual(['active', 'byline', 'createdAt', 'email', 'id', 'name', 'role']);
  });

  it('a post version: who, when, the kept fields and what changed; an older version lacking a field reads as its default', () => {
    const { id: _id, pageId: _p, editedAt: _e, createdAt: _c, updatedAt: _u, authorId: _a, version: _v, ...data } = post;
    const v = postVersionJson({ version: 2, at: '2026-01-01T00:00:00Z', by: { id: 'u1', name: 'A', email: 'x' } as never, data: { ...data, secret: 1 } as never }, ['title']);
    expect(Object.keys(v).sort()).toEqual(['at', 'by', 'changed', 'data', 'version']);
    expect(v.by).toEqual({ id: 'u1', name: 'A' });
    expect(Object.keys(v.data).sort()).toEqual(['body', 'contributors', 'correction', 'keyEvent', 'label', 'pinned', 'publishedAt', 'scheduledFor', 'status', 'title']);
    const { pinned: _pin, scheduledFor: _s, ...older } = data;
    expect(postVersionJson({ version: 1, at: '2026-01-01T00:00:00Z', by: null, data: older as never }, []).data).toMatchObject({ pinned: false, scheduledFor: null });
  });

  it('an audit entry: its detail lists only the fields actions record', () => {
    const e = auditEntryJson({ id: 'a1', action: 'post.publish', at: '2026-01-01T00:00:00Z', by: null, postId: 'x1', detail: { version: 2, title: 'T', other: 'x' } as never });
    expect(e).toEqual({ id: 'a1', action: 'post.publish', at: '2026-01-01T00:00:00Z', by: null, postId: 'x1', detail: { version: 2, title: 'T' } });
  });
});
