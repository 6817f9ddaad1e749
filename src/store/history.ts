/** What happened to posts and pages: every post version (who, when) and the audit trail. */
import type { AuditAction, AuditDetail, AuditEntry } from '../domain/audit.js';
import type { VersionData } from '../domain/post-history.js';
import type { Post } from '../domain/post.js';
import type { ReadDb, WriteDb } from './store.js';

/** A post's fields as one version kept them (the bookkeeping fields are the row's). */
export type PostVersionData = VersionData;

export interface PostVersion {
  version: number;
  at: string;
  by: { id: string; name: string } | null;
  data: PostVersionData;
}

const versionData = (p: Post): PostVersionData => ({
  title: p.title,
  label: p.label,
  contributors: p.contributors,
  body: p.body,
  keyEvent: p.keyEvent,
  pinned: p.pinned,
  status: p.status,
  scheduledFor: p.scheduledFor,
  publishedAt: p.publishedAt,
  correction: p.correction,
});

/** Keeps `post` as it now is, as its version; a version is written once and never changed. */
export async function insertPostVersion(db: WriteDb, post: Post, userId: string | null, now: string): Promise<void> {
  await db
    .insertInto('post_versions')
    .values({ post_id: post.id, version: post.version, data: JSON.stringify(versionData(post)), user_id: userId, created_at: now })
    .execute();
}

/** Every kept version of a post, oldest first, with who made it. */
export async function listPostVersions(db: ReadDb, postId: string): Promise<PostVersion[]> {
  const rows = await db
    .selectFrom('post_versions as v')
    .leftJoin('users as u', 'u.id', 'v.user_id')
    .select(['v.version', 'v.data', 'v.user_id', 'v.created_at', 'u.name'])
    .where('v.post_id', '=', postId)
    .orderBy('v.version')
    .execute();
  return rows.map((r) => ({
    version: Number(r.version),
    at: r.created_at,
    by: r.user_id ? { id: r.user_id, name: r.name ?? '' } : null,
    data: JSON.parse(r.data) as PostVersionData,
  }));
}

export type { AuditAction, AuditEntry };

export async function insertAudit(
  db: WriteDb,
  e: { id: string; pageId: string; userId: string | null; action: AuditAction; postId?: string | null; detail?: AuditDetail; at: string },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ id: e.id, page_id: e.pageId, user_id: e.userId, action: e.action, post_id: e.postId ?? null, detail: JSON.stringify(e.detail ?? {}), created_at: e.at })
    .execute();
}

/** A page's audit trail, newest first. */
export async function listAudit(db: ReadDb, pageId: string, limit = 500): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.id', 'a.action', 'a.user_id', 'a.post_id', 'a.detail', 'a.created_at', 'u.name'])
    .where('a.page_id', '=', pageId)
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    action: r.action as AuditAction,
    at: r.created_at,
    by: r.user_id ? { id: r.user_id, name: r.name ?? '' } : null,
    postId: r.post_id,
    detail: JSON.parse(r.detail) as AuditDetail,
  }));
}
