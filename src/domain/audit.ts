/**
 * A page's audit trail (admins read it): who published, took down, pinned or unpinned which
 * post, and who ended or continued the coverage. The actions are a closed list, so the API
 * document and the desk name each one.
 */
export const AUDIT_ACTIONS = ['post.publish', 'post.unpublish', 'post.pin', 'post.unpin', 'page.end', 'page.continue'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an entry adds: the post's version and title (publish, take down), the next page (continue). */
export interface AuditDetail {
  version?: number;
  title?: string;
  to?: string;
}

export interface AuditEntry {
  id: string;
  action: AuditAction;
  at: string;
  /** Null when no person did it (the scheduler publishing a scheduled post). */
  by: { id: string; name: string } | null;
  postId: string | null;
  detail: AuditDetail;
}
