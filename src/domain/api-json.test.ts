import { describe, expect, it } from 'vitest';
import { embedPreviewJson, pageJson, postJson, userJson } from './api-json.js';
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
});
