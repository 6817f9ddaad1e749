/**
 * The API's JSON shapes for pages and posts (SPEC §2), also the bodies of webhooks: the
 * presenters. Each lists its fields by name, so a field added to the domain (or the store)
 * reaches integrators and partners only when it is added here on purpose. Each returns the
 * type of its schema in api-schemas.ts, which the OpenAPI document is built from.
 */
import type { EmbedState } from './embed.js';
import type { EmbedPreviewJson, MediaImportJson, PageJson, PostJson, UserJson } from './api-schemas.js';
import type { MediaImport } from './media-import.js';
import type { Page } from './page.js';
import type { Post } from './post.js';
import type { Actor, User } from './user.js';

/** A page as the API returns it, with its reader URL. */
export function pageJson(page: Page, publicUrl: string): PageJson {
  return {
    id: page.id,
    slug: page.slug,
    title: page.title,
    description: page.description,
    timeZone: page.timeZone,
    locale: page.locale,
    summary: page.summary,
    featuredMedia: page.featuredMedia,
    state: page.state,
    continuedTo: page.continuedTo,
    continuationNotice: page.continuationNotice,
    continuedFrom: page.continuedFrom,
    pinnedPostId: page.pinnedPostId,
    seq: page.seq,
    createdAt: page.createdAt,
    updatedAt: page.updatedAt,
    endedAt: page.endedAt,
    url: `${publicUrl}/live/${page.slug}`,
  };
}

/**
 * A post as the API returns it: with the page's seq after the change and its permalink.
 * Who wrote it inside the newsroom (`authorId`) is for the newsroom only.
 */
export function postJson(post: Post, seq: number, publicUrl: string, slug: string, actor: Actor | undefined): PostJson {
  return {
    id: post.id,
    pageId: post.pageId,
    title: post.title,
    label: post.label,
    contributors: post.contributors,
    body: post.body,
    keyEvent: post.keyEvent,
    pinned: post.pinned,
    status: post.status,
    scheduledFor: post.scheduledFor,
    publishedAt: post.publishedAt,
    editedAt: post.editedAt,
    correction: post.correction,
    createdAt: post.createdAt,
    updatedAt: post.updatedAt,
    version: post.version,
    ...(actor ? { authorId: post.authorId } : {}),
    seq,
    url: `${publicUrl}/live/${slug}/posts/${post.id}`,
  };
}

/** A newsroom account as the API shows it to the newsroom (never its password hash or sessions). */
export function userJson(user: User): UserJson {
  const b = user.byline;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    active: user.active,
    createdAt: user.createdAt,
    // How they are credited on posts: edited in My byline, or by admins in People.
    byline: { name: b.name, role: b.role, photo: b.photo, byDefault: b.byDefault },
  };
}

/** An address as the composer previews it: its card (the server's snapshot, schema-checked) or why not. */
export function embedPreviewJson(e: EmbedState): EmbedPreviewJson {
  return { url: e.url, status: e.status, error: e.error, card: e.card };
}

/** An external image's import, as the desk reads it: a failed one keeps its address and says why. */
export function mediaImportJson(i: MediaImport): MediaImportJson {
  return {
    id: i.id,
    kind: i.kind,
    ...(i.kind === 'post' ? { postId: i.subjectId } : {}),
    src: i.src,
    status: i.status,
    attempts: i.attempts,
    error: i.error,
    mediaId: i.mediaId,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
  };
}
