import { describe, expect, it } from 'vitest';
import { ACTIONS, authorize, can, refusal, type Action } from './policy.js';
import { newPost, type Post, type PostStatus } from './post.js';
import type { Actor, Role } from './user.js';

const people: Record<Role, Actor> = { contributor: { id: 'c', role: 'contributor' }, editor: { id: 'e', role: 'editor' }, admin: { id: 'a', role: 'admin' } };
const postBy = (authorId: string, status: PostStatus): Post =>
  newPost({ id: 'p', pageId: 'g', authorId, title: 'T', contributors: [], body: [{ type: 'paragraph', text: 'x' }], keyEvent: false, pinned: false, status }, '2026-01-01T00:00:00Z');

describe('policy', () => {
  it('every action without a subject: anyone, or the role and above; 401 without an actor, 403 below the role', () => {
    for (const action of Object.keys(ACTIONS) as Action[]) {
      if (['post.read', 'post.list', 'post.create', 'post.edit', 'token.revoke', 'byline.edit'].includes(action)) continue;
      const needed = ACTIONS[action];
      expect(refusal(undefined, action as 'page.create')?.status ?? 'ok', action).toBe(needed === 'anyone' ? 'ok' : 401);
      for (const role of ['contributor', 'editor', 'admin'] as const) {
        const rank = { contributor: 1, editor: 2, admin: 3 };
        const allowed = needed === 'anyone' || rank[role] >= rank[needed];
        expect(can(people[role], action as 'page.create'), `${role} ${action}`).toBe(allowed);
      }
    }
  });

  it('a contributor edits their own post only while it is a draft or submitted', () => {
    for (const status of ['draft', 'submitted', 'scheduled', 'published', 'unpublished'] as const) {
      const own = can(people.contributor, 'post.edit', { post: postBy('c', status), change: { title: 'x' } });
      expect(own, status).toBe(status === 'draft' || status === 'submitted');
      expect(can(people.contributor, 'post.edit', { post: postBy('someone', status), change: { title: 'x' } })).toBe(false);
      expect(can(people.editor, 'post.edit', { post: postBy('c', status), change: { title: 'x' } })).toBe(true);
    }
  });

  it('publishing, scheduling and pinning are the editors’; backdating the admins’', () => {
    const draft = postBy('c', 'draft');
    for (const change of [{ status: 'published' as const }, { status: 'scheduled' as const, scheduledFor: '2099-01-01T00:00:00Z' }, { scheduledFor: '2099-01-01T00:00:00Z' }, { pinned: true }]) {
      expect(() => authorize(people.contributor, 'post.edit', { post: draft, change })).toThrow(expect.objectContaining({ status: 403, code: 'forbidden' }));
      expect(can(people.editor, 'post.edit', { post: draft, change })).toBe(true);
    }
    expect(can(people.editor, 'post.edit', { post: draft, change: { publishedAt: '2020-01-01T00:00:00Z' } })).toBe(false);
    expect(can(people.admin, 'post.edit', { post: draft, change: { publishedAt: '2020-01-01T00:00:00Z' } })).toBe(true);
  });

  it('reading a post: anyone once published; before, its author and editors', () => {
    expect(can(undefined, 'post.read', postBy('c', 'published'))).toBe(true);
    expect(can(undefined, 'post.read', postBy('c', 'draft'))).toBe(false);
    expect(can(people.contributor, 'post.read', postBy('c', 'draft'))).toBe(true);
    expect(can(people.contributor, 'post.read', postBy('x', 'submitted'))).toBe(false);
    expect(can(people.editor, 'post.read', postBy('x', 'submitted'))).toBe(true);
  });

  it('tokens: one’s own, or any for an admin; unpublished lists: the newsroom only', () => {
    expect(can(people.contributor, 'token.revoke', { userId: 'c' })).toBe(true);
    expect(can(people.editor, 'token.revoke', { userId: 'c' })).toBe(false);
    expect(can(people.admin, 'token.revoke', { userId: 'c' })).toBe(true);
    expect(refusal(undefined, 'post.list', { status: 'draft' })?.status).toBe(401);
    expect(can(undefined, 'post.list', { status: 'published' })).toBe(true);
  });

  it('bylines: one’s own, or anyone’s for an admin; audit trails: admins; snippets: editors manage, the desk uses', () => {
    expect(can(people.contributor, 'byline.edit', { userId: 'c' })).toBe(true);
    expect(can(people.editor, 'byline.edit', { userId: 'c' })).toBe(false);
    expect(can(people.admin, 'byline.edit', { userId: 'c' })).toBe(true);
    expect(refusal(undefined, 'byline.edit', { userId: 'c' })?.status).toBe(401);
    expect(can(people.editor, 'audit.read')).toBe(false);
    expect(can(people.admin, 'audit.read')).toBe(true);
    expect(can(people.contributor, 'snippet.manage')).toBe(false);
    expect(can(people.editor, 'snippet.manage')).toBe(true);
  });
});
