/** The API's JSON shapes for pages and posts (SPEC §2). */
import type { Page } from '../../../domain/page.js';
import type { Post } from '../../../domain/post.js';

export const pageJson = (page: Page, publicUrl: string) => ({ ...page, url: `${publicUrl}/live/${page.slug}` });

/** A post as the API returns it: with the page's seq after the change and its permalink. */
export const postJson = (post: Post, seq: number, publicUrl: string, slug: string) => ({
  ...post,
  seq,
  url: `${publicUrl}/live/${slug}/posts/${post.id}`,
});
