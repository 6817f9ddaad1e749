/**
 * A page's audit trail for admins (GET /api/v1/pages/{slug}/audit): who published, took
 * down, pinned or unpinned which post, and who ended or continued the coverage, newest
 * first. Read when the panel is opened, so opening a desk stays one request, and again
 * with Refresh.
 */
import { useEffect, useState } from 'preact/hooks';
import { messageOf } from './api.js';
import { useApp } from './context.js';
import { Time } from './ui.js';

export interface AuditEntry {
  id: string;
  action: 'post.publish' | 'post.unpublish' | 'post.pin' | 'post.unpin' | 'page.end' | 'page.continue';
  at: string;
  by: { id: string; name: string } | null;
  postId: string | null;
  detail: Record<string, unknown>;
}

const VERBS: Record<AuditEntry['action'], string> = {
  'post.publish': 'published',
  'post.unpublish': 'took down',
  'post.pin': 'pinned',
  'post.unpin': 'unpinned',
  'page.end': 'ended the coverage',
  'page.continue': 'continued the coverage on',
};

/** "A post" named by its title when the entry or the desk knows it. */
function postName(e: AuditEntry, titles: ReadonlyMap<string, string>): string {
  const title = typeof e.detail.title === 'string' ? e.detail.title : e.postId ? titles.get(e.postId) : undefined;
  return title ? `“${title}”` : 'a post';
}

/** What happened, in words: "published “Bridge closed” (version 2)". */
export function describeAudit(e: AuditEntry, titles: ReadonlyMap<string, string>): string {
  const verb = VERBS[e.action] ?? e.action;
  if (e.action === 'page.end') return verb;
  if (e.action === 'page.continue') return `${verb} ${typeof e.detail.to === 'string' ? e.detail.to : 'another page'}`;
  const version = typeof e.detail.version === 'number' && e.detail.version > 1 ? ` (version ${e.detail.version})` : '';
  return `${verb} ${postName(e, titles)}${version}`;
}

export function AuditTrail({ slug, titles }: { slug: string; titles: ReadonlyMap<string, string> }) {
  const { api } = useApp();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const load = () => {
    setBusy(true);
    api
      .get<{ entries: AuditEntry[] }>(`/api/v1/pages/${encodeURIComponent(slug)}/audit`)
      .then((r) => (setEntries(r.entries), setError(null)))
      .catch((e) => setError(messageOf(e)))
      .finally(() => setBusy(false));
  };
  useEffect(load, [slug]);
  return (
    <div class="nr-audit">
      <p class="nr-audit__head">
        <span class="nr-muted">Publishing, taking down, pinning and ending, newest first.</span>{' '}
        <button type="button" class="nr-button nr-button--small" onClick={load} disabled={busy}>
          {busy ? 'Refreshing…' : 'Refresh'}
        </button>
      </p>
      {error && <p class="nr-error nr-error--soft">{error}</p>}
      {entries === null ? (
        !error && <p class="nr-muted">Loading…</p>
      ) : entries.length === 0 ? (
        <p class="nr-muted">Nothing recorded yet.</p>
      ) : (
        <ol class="nr-audit__list">
          {entries.map((e) => (
            <li key={e.id}>
              <Time iso={e.at} /> <strong>{e.by?.name ?? 'The server'}</strong> {describeAudit(e, titles)}
              {e.postId && e.action !== 'post.unpublish' && (
                <>
                  {' '}
                  <a href={`/live/${slug}/posts/${e.postId}`} target="_blank" rel="noopener">
                    <span class="visually-hidden">{describeAudit(e, titles)}: </span>see the post
                  </a>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
