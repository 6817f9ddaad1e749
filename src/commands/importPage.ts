import { conflict, invalidInput } from '../domain/errors.js';
import type { ImportDocument } from '../domain/export.js';
import { DEFAULT_CONTINUATION_NOTICE, newPage, type Page } from '../domain/page.js';
import { newPost } from '../domain/post.js';
import { readImportedOriginal } from '../media/imported.js';
import { insertBlob, insertMedia } from '../store/media.js';
import { findPageBySlug, insertPage, updatePage } from '../store/pages.js';
import { findPostRow } from '../store/posts.js';
import { inTransaction, newId, pageUrl, type CommandContext } from './context.js';
import { attachCards } from './embeds.js';
import { insertNewPost } from './savePost.js';

/**
 * Creates a page with all its posts in one transaction (all or nothing). Published posts
 * are replayed oldest first, so the event log reads as the coverage happened. Webhooks are
 * not sent these events (moving an archive is not news); the CDN purge hook is. The page's
 * pictures come back with it, under the same content hashes, so posts' image URLs still work.
 */
/** How far an import has come: pictures decoded, then posts written (the CLI shows it on a terminal). */
export type ImportProgress = (what: 'pictures' | 'posts', done: number, total: number) => void;

export async function importPage(ctx: CommandContext, doc: ImportDocument, authorId: string | null, onProgress: ImportProgress = () => {}): Promise<{ page: Page; posts: number; media: number }> {
  const pinned = doc.posts.filter((p) => p.pinned);
  if (pinned.length > 1) throw invalidInput('At most one post can be pinned.', 'posts');
  const pictures = doc.media ?? [];
  let decoded = 0;
  onProgress('pictures', 0, pictures.length);
  const originals = await Promise.all(pictures.map(async (m, i) => {
    const o = await readImportedOriginal(m, i);
    onProgress('pictures', ++decoded, pictures.length);
    return o;
  }));
  return inTransaction(ctx, async (tx) => {
    const src = doc.page;
    if (await findPageBySlug(tx.db, src.slug)) throw conflict('slug_taken', `A page "${src.slug}" already exists.`, 'page.slug');
    let page: Page = { ...newPage(newId(), src, tx.now, src.createdAt), continuedFrom: src.continuedFrom ?? null };
    await insertPage(tx.db, page);
    const oldestFirst = [...doc.posts].sort((a, b) => (a.publishedAt ?? a.createdAt ?? '').localeCompare(b.publishedAt ?? b.createdAt ?? ''));
    for (const [i, p] of oldestFirst.entries()) {
      if (p.id && (await findPostRow(tx.db, p.id))) throw conflict('post_exists', `Post ${p.id} already exists.`, `posts.${i}.id`);
      const post = newPost({ ...p, body: await attachCards(tx.db, p.body), id: p.id ?? newId(), pageId: page.id, authorId, createdAt: p.createdAt ?? p.publishedAt ?? undefined }, tx.now);
      page = { ...page, seq: await insertNewPost(tx, page, post, authorId), pinnedPostId: post.pinned ? post.id : page.pinnedPostId };
      onProgress('posts', i + 1, oldestFirst.length);
    }
    if (src.state === 'ended') {
      const ended = { state: 'ended', endedAt: src.endedAt ?? tx.now, continuedTo: src.continuedTo ?? null, continuationNotice: src.continuationNotice ?? (src.continuedTo ? DEFAULT_CONTINUATION_NOTICE : null) } as const;
      await updatePage(tx.db, page.id, ended);
      const seq = ended.continuedTo
        ? await tx.append(page.id, 'page.continued', { to: ended.continuedTo, url: pageUrl(ctx, ended.continuedTo), notice: ended.continuationNotice ?? '' })
        : await tx.append(page.id, 'page.ended', {});
      page = { ...page, ...ended, seq };
    }
    for (const [i, o] of originals.entries()) {
      const item = doc.media![i]!;
      await insertBlob(tx.db, o, tx.now);
      const { hash, type, width, height, data, color } = o;
      await insertMedia(tx.db, { id: newId(), pageId: page.id, hash, type, sourceType: item.sourceType, width, height, bytes: data.length, alt: item.alt ?? null, color, createdBy: authorId, createdAt: item.createdAt ?? tx.now });
    }
    return { page, posts: doc.posts.length, media: originals.length };
  }, { webhooks: false });
}
