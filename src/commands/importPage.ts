import { conflict, invalidInput } from '../domain/errors.js';
import type { ImportDocument } from '../domain/export.js';
import { DEFAULT_CONTINUATION_NOTICE, type Page } from '../domain/page.js';
import type { Post } from '../domain/post.js';
import { findPageBySlug, insertPage, updatePage } from '../store/pages.js';
import { findPostRow, insertPost, rememberContributors } from '../store/posts.js';
import { inTransaction, newId, pageUrl, type CommandContext } from './context.js';
import { recordPostChange } from './savePost.js';

/**
 * Creates a page with all its posts in one transaction (all or nothing). Published posts
 * are replayed oldest first, so the event log reads as the coverage happened.
 */
export async function importPage(ctx: CommandContext, doc: ImportDocument, authorId: string | null): Promise<{ page: Page; posts: number }> {
  const pinned = doc.posts.filter((p) => p.pinned);
  if (pinned.length > 1) throw invalidInput('At most one post can be pinned.', 'posts');
  return inTransaction(ctx, async (tx) => {
    const src = doc.page;
    if (await findPageBySlug(tx.db, src.slug)) throw conflict('slug_taken', `A page "${src.slug}" already exists.`, 'page.slug');
    let page: Page = {
      id: newId(),
      slug: src.slug,
      title: src.title,
      description: src.description ?? null,
      timeZone: src.timeZone,
      locale: src.locale,
      summary: src.summary,
      featuredMedia: src.featuredMedia ?? null,
      state: 'live',
      continuedTo: null,
      continuationNotice: null,
      pinnedPostId: null,
      seq: 0,
      createdAt: src.createdAt ?? tx.now,
      updatedAt: tx.now,
      endedAt: null,
    };
    await insertPage(tx.db, page);
    const oldestFirst = [...doc.posts].sort((a, b) => (a.publishedAt ?? a.createdAt ?? '').localeCompare(b.publishedAt ?? b.createdAt ?? ''));
    for (const [i, p] of oldestFirst.entries()) {
      if (p.id && (await findPostRow(tx.db, p.id))) throw conflict('post_exists', `Post ${p.id} already exists.`, `posts.${i}.id`);
      const post: Post = {
        id: p.id ?? newId(),
        pageId: page.id,
        title: p.title,
        label: p.label ?? null,
        contributors: p.contributors,
        body: p.body,
        keyEvent: p.keyEvent,
        pinned: p.pinned && p.status === 'published',
        status: p.status,
        scheduledFor: p.status === 'scheduled' ? (p.scheduledFor ?? null) : null,
        publishedAt: p.publishedAt ?? (p.status === 'published' ? tx.now : null),
        editedAt: p.editedAt ?? null,
        createdAt: p.createdAt ?? p.publishedAt ?? tx.now,
        updatedAt: tx.now,
        authorId,
        version: 1,
      };
      await insertPost(tx.db, post);
      await rememberContributors(tx.db, post.contributors, tx.now, newId);
      page = { ...page, seq: await recordPostChange(tx, page, null, post), pinnedPostId: post.pinned ? post.id : page.pinnedPostId };
    }
    if (src.state === 'ended') {
      const ended = { state: 'ended', endedAt: src.endedAt ?? tx.now, continuedTo: src.continuedTo ?? null, continuationNotice: src.continuationNotice ?? (src.continuedTo ? DEFAULT_CONTINUATION_NOTICE : null) } as const;
      await updatePage(tx.db, page.id, ended);
      const seq = ended.continuedTo
        ? await tx.append(page.id, 'page.continued', { to: ended.continuedTo, url: pageUrl(ctx, ended.continuedTo), notice: ended.continuationNotice ?? '' })
        : await tx.append(page.id, 'page.ended', {});
      page = { ...page, ...ended, seq };
    }
    return { page, posts: doc.posts.length };
  });
}
