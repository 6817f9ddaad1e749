/**
 * A page's desk: the composer, the page's posts newest first (editable in place), the
 * approval queue, drafts and scheduled posts, readers now, and the page's settings.
 * It follows the page's event stream and polls every 10 s (live.ts), so a colleague's
 * post, edit or approval shows up without a reload.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, messageOf } from './api.js';
import { ActivityPanel } from './activity.js';
import { Composer, type ComposerAction } from './composer.js';
import { atLeast, useApp } from './context.js';
import { clearDraft, loadDraft, saveDraft } from './draft-store.js';
import { watchPage } from './live.js';
import { PageSettings } from './page-settings.js';
import { createBody, emptyFields, fromLocalInput, isBlank, type PostAction, type PostFields } from './post-fields.js';
import { PostCard, previewHtml, type EditDraft } from './posts.js';
import type { ApiPage, ApiPost, Contributor, DeskStatus, PageActivity, PostList } from './types.js';
import { Announcer, formatTime } from './ui.js';

const storage = (): Storage | null => {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled: no autosave, nothing else changes
  }
};

interface DeskData {
  page: ApiPage | null;
  published: PostList | null;
  lists: Record<DeskStatus, ApiPost[]>;
  activity: PageActivity | null;
}

const EMPTY_LISTS: Record<DeskStatus, ApiPost[]> = { submitted: [], draft: [], scheduled: [] };

/** The desk's lists, refetched on demand; overlapping calls collapse into one more fetch. */
function useDeskData(slug: string) {
  const { api } = useApp();
  const [data, setData] = useState<DeskData>({ page: null, published: null, lists: EMPTY_LISTS, activity: null });
  const [missing, setMissing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const running = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  const alive = useRef(true);
  useEffect(() => () => void (alive.current = false), []);

  const fetchAll = async () => {
    const base = `/api/v1/pages/${slug}`;
    const [page, published, submitted, draft, scheduled, activity] = await Promise.allSettled([
      api.get<ApiPage>(base),
      api.get<PostList>(`${base}/posts?status=published`),
      api.get<PostList>(`${base}/posts?status=submitted`),
      api.get<PostList>(`${base}/posts?status=draft`),
      api.get<PostList>(`${base}/posts?status=scheduled`),
      api.get<PageActivity>(`${base}/activity`),
    ]);
    if (!alive.current) return;
    if (page.status === 'rejected' && page.reason instanceof ApiError && page.reason.status === 404) return setMissing(true);
    const failed = [page, published, submitted, draft, scheduled, activity].find((r) => r.status === 'rejected');
    setProblem(failed ? `Could not refresh the desk: ${messageOf((failed as PromiseRejectedResult).reason)} Trying again shortly.` : null);
    setData((d) => ({
      page: page.status === 'fulfilled' ? page.value : d.page,
      published: published.status === 'fulfilled' ? published.value : d.published,
      lists: {
        submitted: submitted.status === 'fulfilled' ? submitted.value.posts : d.lists.submitted,
        draft: draft.status === 'fulfilled' ? draft.value.posts : d.lists.draft,
        scheduled: scheduled.status === 'fulfilled' ? scheduled.value.posts : d.lists.scheduled,
      },
      activity: activity.status === 'fulfilled' ? activity.value : d.activity,
    }));
  };

  const refresh = useCallback((): Promise<void> => {
    if (running.current) {
      again.current = true;
      return running.current;
    }
    const run = async (): Promise<void> => {
      do {
        again.current = false;
        await fetchAll();
      } while (again.current && alive.current);
    };
    running.current = run().finally(() => (running.current = null));
    return running.current;
  }, [slug]);

  return { ...data, missing, problem, refresh };
}

export function Desk({ slug }: { slug: string }) {
  const { api, me } = useApp();
  const isEditor = atLeast(me.role, 'editor');
  const { page, published, lists, activity, missing, problem, refresh } = useDeskData(slug);
  const [older, setOlder] = useState<ApiPost[]>([]);
  const [olderPage, setOlderPage] = useState(1);
  const [saved, setSaved] = useState<Contributor[]>([]);
  const [message, setMessage] = useState('');
  const [composerKey, setComposerKey] = useState(0);
  const [note, setNote] = useState<string | undefined>();
  const [editing, setEditing] = useState<Set<string>>(new Set());
  const edits = useRef(new Map<string, EditDraft>());
  const [settingsOpen, setSettingsOpen] = useState(false);
  const autosave = useRef<{ timer?: ReturnType<typeof setTimeout>; pending?: PostFields }>({});
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    void refresh();
    return watchPage(slug, () => void refresh());
  }, [slug]);
  useEffect(() => {
    api
      .get<{ contributors: Contributor[] }>('/api/v1/contributors')
      .then((r) => setSaved(r.contributors))
      .catch(() => undefined);
  }, [composerKey]);
  useEffect(() => {
    if (page) document.title = `${page.title} – desk – livepage newsroom`;
  }, [page?.title]);

  // Autosave: a moment after the last change, and at once when the tab goes away.
  const flush = () => {
    const a = autosave.current;
    clearTimeout(a.timer);
    a.timer = undefined;
    const s = storage();
    if (!a.pending || !s) return;
    if (isBlank(a.pending)) clearDraft(s, me.id, slug);
    else if (saveDraft(s, me.id, slug, a.pending)) setNote(`Saved in this browser at ${formatTime(new Date().toISOString())}.`);
    a.pending = undefined;
  };
  useEffect(() => {
    const onHide = () => flush();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      flush();
    };
  }, [slug]);
  const firstChange = useRef(true);
  const onComposerChange = (f: PostFields) => {
    if (firstChange.current) return void (firstChange.current = false); // the restored draft itself
    autosave.current.pending = f;
    clearTimeout(autosave.current.timer);
    autosave.current.timer = setTimeout(flush, 300);
  };
  const restored = useMemo(() => {
    const s = storage();
    firstChange.current = true;
    return s ? loadDraft(s, me.id, slug) : null;
  }, [composerKey, slug]);
  const initial = useMemo(() => restored?.fields ?? emptyFields(), [restored]);

  const announce = (m: string) => {
    if (m) setMessage(m);
    void refresh();
  };

  const actions: ComposerAction[] = isEditor
    ? [
        { action: 'publish', label: 'Publish' },
        { action: 'draft', label: 'Save draft' },
        { action: 'schedule', label: 'Schedule' },
      ]
    : [
        { action: 'submit', label: 'Submit for review' },
        { action: 'draft', label: 'Save draft' },
      ];

  const create = async (action: PostAction, fields: PostFields) => {
    if (action === 'save') return;
    const post = await api.send<ApiPost>('POST', `/api/v1/pages/${slug}/posts`, createBody(fields, action));
    // Sent: the autosaved copy has done its job.
    clearTimeout(autosave.current.timer);
    autosave.current.pending = undefined;
    const s = storage();
    if (s) clearDraft(s, me.id, slug);
    setNote(undefined);
    setComposerKey((k) => k + 1);
    const when = action === 'schedule' ? formatTime(fromLocalInput(fields.scheduledFor)) : '';
    const said: Record<Exclude<PostAction, 'save'>, string> = {
      publish: `Published “${post.title}”.`,
      submit: `“${post.title}” was sent to the editors for review.`,
      draft: `Draft “${post.title}” saved.`,
      schedule: `“${post.title}” is scheduled for ${when}.`,
    };
    announce(said[action]);
  };

  const loadOlder = async () => {
    const next = olderPage + 1;
    try {
      const r = await api.get<PostList>(`/api/v1/pages/${slug}/posts?status=published&page=${next}`);
      setOlder((o) => [...o, ...r.posts]);
      setOlderPage(next);
    } catch (e) {
      setMessage(messageOf(e));
    }
  };

  if (missing)
    return (
      <div class="nr-page">
        <h1>No such page</h1>
        <p>
          There is no live page at this address. <a href="/newsroom">See all pages</a>.
        </p>
      </div>
    );

  const presence = new Map((activity?.editing ?? []).map((e) => [e.postId, e.names.filter((n) => n !== me.name)]));
  const setEditingPost = (id: string, on: boolean) => {
    if (!on) edits.current.delete(id);
    setEditing((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  };
  const card = (post: ApiPost) => (
    <li key={post.id}>
      <PostCard
        post={post}
        slug={slug}
        editingBy={presence.get(post.id) ?? []}
        savedContributors={saved}
        onChanged={announce}
        editing={editing.has(post.id)}
        onEditing={(on) => setEditingPost(post.id, on)}
        resume={edits.current.get(post.id)}
        onDraft={(d) => edits.current.set(post.id, d)}
      />
    </li>
  );
  const listed = published ? dedupe([...published.posts, ...older]) : [];
  // A post being edited that left every list (a colleague took it down): keep its editor.
  const present = new Set([...listed, ...lists.submitted, ...lists.draft, ...lists.scheduled].map((p) => p.id));
  const orphans = [...editing].filter((id) => !present.has(id)).flatMap((id) => edits.current.get(id)?.base ?? []);
  const stream = [...orphans, ...listed];
  const panel = (status: DeskStatus, title: string, empty: string) => (
    <details class="nr-panel" open={lists[status].length > 0} id={`nr-panel-${status}`}>
      <summary>
        <h2 class="nr-panel__title">
          {title} <span class="nr-count">({lists[status].length})</span>
        </h2>
      </summary>
      {lists[status].length === 0 ? <p class="nr-muted">{empty}</p> : <ul class="nr-posts">{lists[status].map(card)}</ul>}
    </details>
  );

  return (
    <div class="nr-desk">
      <header class="nr-desk__head">
        <p class="nr-crumbs">
          <a href="/newsroom">All pages</a>
        </p>
        <h1 tabIndex={-1} ref={heading}>
          {page?.title ?? 'Loading…'}
        </h1>
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
        <section class="nr-desk__composer nr-card" aria-labelledby="nr-new-heading">
          <h2 id="nr-new-heading">New post</h2>
          <Composer
            key={composerKey}
            idPrefix="nr-new"
            initial={initial}
            actions={actions}
            canPin={isEditor}
            savedContributors={saved}
            onChange={onComposerChange}
            onAction={create}
            onPreview={(f) => previewHtml(api, slug, createBody(f, 'draft'))}
            note={note ?? (restored ? `Your unsent post was restored (saved in this browser at ${formatTime(restored.savedAt)}).` : undefined)}
          />
        </section>

        <aside class="nr-desk__side" aria-label="Desk">
          <section class="nr-card" aria-labelledby="nr-readers-heading">
            <h2 id="nr-readers-heading">Readers</h2>
            <ActivityPanel activity={activity} />
          </section>
          {panel('submitted', isEditor ? 'Approval queue' : 'Waiting for approval', isEditor ? 'Nothing waiting for approval.' : 'None of your posts is waiting.')}
          {panel('draft', 'Drafts', 'No drafts.')}
          {isEditor && panel('scheduled', 'Scheduled', 'Nothing scheduled.')}
          {isEditor && page && (
            <details class="nr-panel" onToggle={(e) => setSettingsOpen((e.currentTarget as HTMLDetailsElement).open)}>
              <summary>
                <h2 class="nr-panel__title">Page settings</h2>
              </summary>
              {settingsOpen && <PageSettings key={page.slug} page={page} onChanged={announce} />}
            </details>
          )}
        </aside>

        <section class="nr-desk__stream" aria-labelledby="nr-stream-heading">
          <h2 id="nr-stream-heading">
            On the page <span class="nr-count">({published?.total ?? 0})</span>
          </h2>
          {published === null ? (
            <p class="nr-muted">Loading posts…</p>
          ) : stream.length === 0 ? (
            <p class="nr-muted">No posts yet: the first one you send appears here and on the page.</p>
          ) : (
            <ul class="nr-posts">{stream.map(card)}</ul>
          )}
          {published && published.pageCount > olderPage && (
            <button type="button" class="nr-button" onClick={() => void loadOlder()}>
              Show older posts
            </button>
          )}
        </section>
      </div>
    </div>
  );
}

function dedupe(posts: ApiPost[]): ApiPost[] {
  const seen = new Set<string>();
  return posts.filter((p) => !seen.has(p.id) && seen.add(p.id));
}
