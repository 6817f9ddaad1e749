/** The API's JSON shapes for pages and posts (SPEC §2). */
import type { Page } from './page.js';
import type { Post } from './post.js';
import type { Actor } from './user.js';

export const pageJson = (page: Page, publicUrl: string) => ({ ...page, url: `${publicUrl}/live/${page.slug}` });

/**
 * A post as the API returns it: with the page's seq after the change and its permalink.
 * Who wrote it inside the newsroom (`authorId`) is for the newsroom only.
 */
export function postJson(post: Post, seq: number, publicUrl: string, slug: string, actor: Actor | undefined) {
  const { authorId, ...rest } = post;
  return { ...rest, ...(actor ? { authorId } : {}), seq, url: `${publicUrl}/live/${slug}/posts/${post.id}` };
}
