import { conflict, invalidInput } from '../domain/errors.js';
import { DEFAULT_CONTINUATION_NOTICE, newPage, type ContinueInput, type Page } from '../domain/page.js';
import { newPost } from '../domain/post.js';
import type { Actor } from '../domain/user.js';
import { insertAudit } from '../store/history.js';
import { findPageBySlug, insertPage, updatePage } from '../store/pages.js';
import { findPostRow, postFromRow } from '../store/posts.js';
import { inTransaction, newId, pageUrl, type CommandContext, type Tx } from './context.js';
import { lockPageForChange } from './load.js';
import { insertNewPost } from './savePost.js';

/** The ended page, and the page the coverage now continues on. */
export interface Continued {
  page: Page;
  next: Page;
}

/**
 * Ends a page's coverage and points its readers to the page it continues on, in one
 * transaction: either an existing page (`to` a slug) or a new one made here (`to` its slug
 * and title), which gets copies of the summary, featured media and pinned post (each
 * unless `copy` says no). Either way the new page links back to this one.
 */
export async function continuePage(ctx: CommandContext, actor: Actor, slug: string, input: ContinueInput): Promise<Continued> {
  const target = typeof input.to === 'string' ? { slug: input.to } : input.to;
  if (target.slug === slug) throw invalidInput('A page cannot continue on itself.', 'to', 'invalid_target');
  return inTransaction(ctx, async (tx) => {
    const page = await lockPageForChange(tx.db, slug);
    const next = typeof input.to === 'string' ? await linkBack(tx, input.to, slug) : await startNext(tx, actor, page, input.to, input.copy ?? {});
    const notice = input.notice ?? DEFAULT_CONTINUATION_NOTICE;
    const changes = { state: 'ended', endedAt: page.endedAt ?? tx.now, continuedTo: next.slug, continuationNotice: notice } as const;
    await updatePage(tx.db, page.id, changes);
    const seq = await tx.append(page.id, 'page.continued', { to: next.slug, url: pageUrl(ctx, next.slug), notice });
    await insertAudit(tx.db, { id: newId(), pageId: page.id, userId: actor.id, action: 'page.continue', detail: { to: next.slug }, at: tx.now });
    return { page: { ...page, ...changes, seq, updatedAt: tx.now }, next };
  });
}

/** An existing page to continue on: it links back to `from` unless it already links elsewhere. */
async function linkBack(tx: Tx, to: string, from: string): Promise<Page> {
  const target = await findPageBySlug(tx.db, to);
  if (!target) throw invalidInput(`There is no page "${to}" to continue on; create it first.`, 'to', 'unknown_page');
  if (target.continuedFrom) return target;
  const locked = await lockPageForChange(tx.db, to);
  await updatePage(tx.db, locked.id, { continuedFrom: from, updatedAt: tx.now });
  const seq = await tx.append(locked.id, 'page.updated', { fields: ['continuedFrom'] });
  return { ...locked, continuedFrom: from, seq, updatedAt: tx.now };
}

type NewTarget = Exclude<ContinueInput['to'], string>;
type Copy = NonNullable<ContinueInput['copy']>;

/** Creates the page the coverage continues on, with what the journalist chose to carry over. */
async function startNext(tx: Tx, actor: Actor, from: Page, to: NewTarget, copy: Copy): Promise<Page> {
  if (await findPageBySlug(tx.db, to.slug)) throw conflict('slug_taken', `A page "${to.slug}" already exists.`, 'to.slug');
  const input = {
    slug: to.slug,
    title: to.title,
    description: to.description ?? from.description,
    timeZone: from.timeZone,
    locale: from.locale,
    summary: copy.summary === false ? [] : from.summary,
    featuredMedia: copy.featuredMedia === false ? null : from.featuredMedia,
  };
  let next: Page = { ...newPage(newId(), input, tx.now), continuedFrom: from.slug };
  await insertPage(tx.db, next);
  const pinnedRow = copy.pinned !== false && from.pinnedPostId ? await findPostRow(tx.db, from.pinnedPostId) : undefined;
  if (pinnedRow) {
    const pinned = postFromRow(pinnedRow, from.pinnedPostId);
    const copyOf = newPost({ ...pinned, id: newId(), pageId: next.id, authorId: actor.id, status: 'published', pinned: true, publishedAt: undefined, editedAt: null, createdAt: undefined }, tx.now);
    const seq = await insertNewPost(tx, next, copyOf, actor.id);
    next = { ...next, seq, pinnedPostId: copyOf.id };
  }
  return next;
}
