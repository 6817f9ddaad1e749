/**
 * A page's desk: the composer, the page's posts newest first (editable in place), the
 * approval queue, drafts, scheduled and taken-down posts, readers now, and the page's
 * settings. It follows the page's event stream and polls every 10 s (live.ts), so a
 * colleague's post, edit or approval shows up without a reload.
 */
import { useEffect, useState } from 'preact/hooks';
import { messageOf } from './api.js';
import { ActivityPanel } from './activity.js';
import { AuditTrail } from './audit.js';
import { PageZoneContext } from './composer-parts.js';
import { atLeast, useApp } from './context.js';
import { colleaguesEditing, useDeskData, type PostsShown } from './desk-data.js';
import { useEdits } from './desk-edits.js';
import { watchDesk } from './live.js';
import { loadEditorKit } from './load-editor.js';
import { NewPost } from './new-post.js';
import { PageSettings } from './page-settings.js';
import { PostEditor } from './post-editor.js';
import { PostCard } from './posts.js';
import type { ApiPost, Contributor, DeskStatus, ListStatus } from './types.js';
import { Announcer } from './ui.js';
import { asContributor } from './post-fields.js';

const EDITOR_LISTS: readonly ListStatus[] = ['published', 'submitted', 'draft', 'scheduled', 'unpublished'];
const CONTRIBUTOR_LISTS: readonly ListStatus[] = ['published', 'submitted', 'draft'];

export function Desk({ slug }: { slug: string }) {
  const { api, me } = useApp();
  const isEditor = atLeast(me.role, 'editor');
  const desk = useDeskData(slug, isEditor ? EDITOR_LISTS : CONTRIBUTOR_LISTS);
  const { page, lists, activity, pinned, missing, problem, refresh, showMore } = desk;
  const edits = useEdits(slug);
  const saved: Contributor[] = desk.contributors;
  const [message, setMessage] = useState('');
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [auditOpen, setAuditOpen] = useState(false);

  useEffect(() => {
    // The editor's code is fetched alongside the desk's data, not after it: the composer
    // mounts once the data is in, and waiting for it then to ask for the chunk made the
    // two requests (and the chunk's parse) a waterfall.
    void loadEditorKit();
    void refresh();
    return watchDesk(slug, () => desk.since.current, desk.apply, () => void refresh());
  }, [slug]);
  const loadContributors = () => refresh();
  useEffect(() => {
    if (page) document.title = `${page.title} – desk – livepage newsroom`;
  }, [page?.title]);

  const announce = (m: string) => {
    if (m) setMessage(m);
    void refresh();
  };
  const more = (status: ListStatus) => showMore(status).catch((e) => setMessage(messageOf(e)));

  if (missing)
    return (
      <div class="nr-page">
        <h1>No such page</h1>
        <p>
          There is no live page at this address. <a href="/newsroom">See all pages</a>.
        </p>
      </div>
    );

  // Who edits what; this desk's own person is not "a colleague editing".
  const presence = new Map((activity?.editing ?? []).map((e) => [e.postId, colleaguesEditing(e, me)]));
  const editor = (id: string) => (
    <PostEditor
      key={id}
      draft={edits.draft(id)!}
      slug={slug}
      savedContributors={saved}
      note={edits.restored(id) ? 'Your unsaved changes were restored from this browser.' : undefined}
      onDraft={edits.update}
      onClose={() => edits.close(id)}
      onSaved={(m) => {
        edits.close(id);
        announce(m);
      }}
    />
  );
  const card = (post: ApiPost) => (
    <li key={post.id}>
      {edits.open.has(post.id) && edits.draft(post.id) ? (
        editor(post.id)
      ) : (
        <PostCard post={post} slug={slug} editingBy={presence.get(post.id) ?? []} pinned={pinned} onChanged={announce} onEdit={() => edits.start(post)} />
      )}
    </li>
  );
  const published = lists.published;
  // A post being edited that no list shows (a colleague took it down, or it is further
  // down than the lists reach): keep its editor at the top of the stream.
  const present = new Set(Object.values(lists).flatMap((l) => l.posts.map((p) => p.id)));
  const orphans = [...edits.open].filter((id) => !present.has(id) && edits.draft(id));

  const panel = (status: DeskStatus, title: string, empty: string, openWhenFull = true) => {
    const l: PostsShown = lists[status] ?? { posts: [], total: 0, more: false };
    return (
      <details class="nr-panel" open={openWhenFull && l.posts.length > 0} id={`nr-panel-${status}`}>
        <summary>
          <h2 class="nr-panel__title">
            {title} <span class="nr-count">({l.total})</span>
          </h2>
        </summary>
        {l.posts.length === 0 ? <p class="nr-muted">{empty}</p> : <ul class="nr-posts">{l.posts.map(card)}</ul>}
        <ShowMore shown={l} onMore={() => more(status)} />
      </details>
    );
  };

  return (
    <PageZoneContext.Provider value={page ? { timeZone: page.timeZone, locale: page.locale } : null}>
    <div class="nr-desk">
      <header class="nr-desk__head">
        <p class="nr-crumbs">
          <a href="/newsroom">All pages</a>
        </p>
        <h1 tabIndex={-1}>{page?.title ?? 'Loading…'}</h1>
        {page && (
          <p class="nr-desk__state">
            {page.state === 'live' ? <span class="lp-live">Live</span> : <span class="nr-tag">Coverage ended</span>}{' '}
            <a href={`/live/${page.slug}`} target="_blank" rel="noopener">
              Open the reader page
            </a>
          </p>
        )}
      </header>
      <Announcer message={message} />
      {problem && <p class="nr-error nr-error--soft">{problem}</p>}
      <div class="nr-desk__grid">
        {page?.state === 'ended' ? (
          <section class="nr-desk__composer nr-card nr-ended" aria-labelledby="nr-ended-heading">
            <h2 id="nr-ended-heading">Coverage has ended</h2>
            <p>This page takes no new posts. Its posts can still be corrected: use Edit on a post below.</p>
            {page.continuedTo && (
              <p>
                The coverage continues on <a href={`/newsroom/pages/${page.continuedTo}`}>its new page’s desk</a>.
              </p>
            )}
          </section>
        ) : page && desk.me ? (
        <NewPost
          slug={slug}
          isEditor={isEditor}
          savedContributors={saved}
          pinned={pinned}
          myByline={desk.me.byline.byDefault ? asContributor(desk.me.byline) : null}
          team={desk.bylines.filter((b) => b.userId !== me.id).map(asContributor)}
          snippets={desk.snippets}
          onSent={(m) => {
            announce(m);
            void loadContributors();
          }}
        />
        ) : (
          <section class="nr-desk__composer nr-card">
            <p class="nr-muted">Loading the desk…</p>
          </section>
        )}

        <aside class="nr-desk__side" aria-label="Desk">
          <section class="nr-card" aria-labelledby="nr-readers-heading">
            <h2 id="nr-readers-heading">Readers</h2>
            <ActivityPanel activity={activity} />
          </section>
          {panel('submitted', isEditor ? 'Approval queue' : 'Waiting for approval', isEditor ? 'Nothing waiting for approval.' : 'None of your posts is waiting.')}
          {panel('draft', 'Drafts', 'No drafts.')}
          {isEditor && panel('scheduled', 'Scheduled', 'Nothing scheduled.')}
          {isEditor && panel('unpublished', 'Taken down', 'Nothing has been taken down.', false)}
          {isEditor && page && (
            <details class="nr-panel" onToggle={(e) => setSettingsOpen((e.currentTarget as HTMLDetailsElement).open)}>
              <summary>
                <h2 class="nr-panel__title">Page settings</h2>
              </summary>
              {settingsOpen && <PageSettings key={page.slug} page={page} onChanged={announce} />}
            </details>
          )}
          {atLeast(me.role, 'admin') && page && (
            <details class="nr-panel" id="nr-panel-audit" onToggle={(e) => setAuditOpen((e.currentTarget as HTMLDetailsElement).open)}>
              <summary>
                <h2 class="nr-panel__title">Audit trail</h2>
              </summary>
              {auditOpen && <AuditTrail slug={page.slug} titles={new Map(Object.values(lists).flatMap((l) => l.posts.map((p) => [p.id, p.title] as const)))} />}
            </details>
          )}
        </aside>

        <section class="nr-desk__stream" aria-labelledby="nr-stream-heading">
          <h2 id="nr-stream-heading">
            On the page <span class="nr-count">({published?.total ?? 0})</span>
          </h2>
          {orphans.length > 0 && <ul class="nr-posts">{orphans.map((id) => <li key={id}>{editor(id)}</li>)}</ul>}
          {published === undefined ? (
            <p class="nr-muted">Loading posts…</p>
          ) : published.posts.length === 0 ? (
            orphans.length === 0 && <p class="nr-muted">No posts yet: the first one you send appears here and on the page.</p>
          ) : (
            <ul class="nr-posts">{published.posts.map(card)}</ul>
          )}
          {published && <ShowMore shown={published} onMore={() => more('published')} label="Show older posts" />}
        </section>
      </div>
    </div>
    </PageZoneContext.Provider>
  );
}

/** "Showing 20 of 43" and a button for the next 20, when the API has more. */
function ShowMore({ shown, onMore, label = 'Show more' }: { shown: PostsShown; onMore: () => void; label?: string }) {
  if (!shown.more) return null;
  return (
    <p class="nr-more">
      <span class="nr-muted">
        Showing {shown.posts.length} of {shown.total}.
      </span>{' '}
      <button type="button" class="nr-button nr-button--small" onClick={onMore}>
        {label}
      </button>
    </p>
  );
}
