/**
 * The API's JSON shapes for pages and posts (SPEC §2), also the bodies of webhooks: the
 * presenters. Each lists its fields by name, so a field added to the domain (or the store)
 * reaches integrators and partners only when it is added here on purpose. Each returns the
 * type of its schema in api-schemas.ts (api-desk-schemas.ts for the desk's reads), which the OpenAPI document is built from.
 */
import type { EmbedState } from './embed.js';
import type { ActivityJson, AuditEntryJson, DeskJson, PostVersionJson, SavedContributorJson, TeamBylineJson } from './api-desk-schemas.js';
import type { EmbedPreviewJson, MediaImportJson, PageJson, PostJson, SnippetJson, UserJson } from './api-schemas.js';
import type { AuditEntry } from './audit.js';
import type { MediaImport } from './media-import.js';
import type { Page } from './page.js';
import type { VersionData, VersionField } from './post-history.js';
import type { DeskList, Post } from './post.js';
import type { Snippet } from './snippet.js';
import type { Actor, Byline, User } from './user.js';

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

/** A saved post template. */
export function snippetJson(s: Snippet): SnippetJson {
  return { id: s.id, page: s.page, name: s.name, title: s.title, body: s.body, createdAt: s.createdAt, updatedAt: s.updatedAt };
}

/** A colleague's byline, as the composer offers it. */
export function teamBylineJson(b: Byline & { userId: string }): TeamBylineJson {
  return { userId: b.userId, name: b.name, role: b.role, photo: b.photo, byDefault: b.byDefault };
}

/** A contributor remembered from earlier posts; no role is no `role` field. */
export function savedContributorJson(c: { name: string; role?: string | undefined }): SavedContributorJson {
  return { name: c.name, ...(c.role ? { role: c.role } : {}) };
}

const personJson = (p: { id: string; name: string } | null) => p && { id: p.id, name: p.name };

/** Readers now and over the last hour, and who is editing (commands/activity.ts reads it). */
export function activityJson(a: ActivityJson): ActivityJson {
  return {
    readers: a.readers,
    editing: a.editing.map((e) => ({ postId: e.postId, names: e.names, people: e.people.map((p) => ({ id: p.id, name: p.name })) })),
    history: a.history.map((h) => ({ minute: h.minute, readers: h.readers, posts: h.posts })),
  };
}

/** What a desk read holds, before presenting (commands/readDesk.ts, plus who asks and when). */
export interface DeskParts {
  at: Date;
  page: Page;
  lists: Record<DeskList, { posts: Post[]; total: number; more: boolean }>;
  activity: ActivityJson;
  pinned: { id: string; title: string } | null;
  bylines: (Byline & { userId: string })[];
  contributors: { name: string; role?: string | undefined }[];
  snippets: Snippet[];
  me: User | null | undefined;
}

/** Everything a desk opens with; `post` presents each post (with the page's seq and the caller). */
export function deskJson(d: DeskParts, post: (p: Post) => PostJson, publicUrl: string): DeskJson {
  const list = (l: DeskParts['lists'][DeskList]) => ({ posts: l.posts.map(post), total: l.total, more: l.more });
  return {
    at: d.at.toISOString(),
    seq: d.page.seq,
    page: pageJson(d.page, publicUrl),
    lists: { published: list(d.lists.published), submitted: list(d.lists.submitted), draft: list(d.lists.draft), scheduled: list(d.lists.scheduled), unpublished: list(d.lists.unpublished) },
    activity: activityJson(d.activity),
    pinned: d.pinned && { id: d.pinned.id, title: d.pinned.title },
    bylines: d.bylines.map(teamBylineJson),
    contributors: d.contributors.map(savedContributorJson),
    snippets: d.snippets.map(snippetJson),
    me: d.me ? userJson(d.me) : null,
  };
}

/** A post's fields as a version kept them; versions kept before a field existed read as its default. */
function versionDataJson(d: VersionData): PostVersionJson['data'] {
  return {
    title: d.title,
    label: d.label ?? null,
    contributors: d.contributors ?? [],
    body: d.body,
    keyEvent: d.keyEvent ?? false,
    pinned: d.pinned ?? false,
    status: d.status,
    scheduledFor: d.scheduledFor ?? null,
    publishedAt: d.publishedAt ?? null,
    correction: d.correction ?? null,
  };
}

/** One kept version of a post, with who saved it and what it changed. */
export function postVersionJson(v: { version: number; at: string; by: { id: string; name: string } | null; data: VersionData }, changed: VersionField[]): PostVersionJson {
  return { version: v.version, at: v.at, by: personJson(v.by), data: versionDataJson(v.data), changed };
}

/** One entry of a page's audit trail; its detail lists the fields an action records. */
export function auditEntryJson(e: AuditEntry): AuditEntryJson {
  const d = e.detail;
  return {
    id: e.id,
    action: e.action,
    at: e.at,
    by: personJson(e.by),
    postId: e.postId,
    detail: { ...(d.version !== undefined ? { version: d.version } : {}), ...(d.title !== undefined ? { title: d.title } : {}), ...(d.to !== undefined ? { to: d.to } : {}) },
  };
}
