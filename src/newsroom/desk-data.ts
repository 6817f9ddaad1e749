/**
 * What the desk shows, read in one request (GET /api/v1/pages/{slug}/desk): the page, its
 * posts by status with each list's total, readers and presence, the pinned post, the
 * colleagues' bylines, saved contributors and snippets. Then the desk's own stream
 * (…/desk/events) pushes what colleagues change, merged into the lists (desk-merge.ts)
 * rather than refetched; a full reread happens on "Show more", after the desk's own
 * actions, and once a minute as a safety net.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, messageOf } from './api.js';
import { useApp } from './context.js';
import { mergePosts, type Lists, type PostsShown } from './desk-merge.js';
import type { ApiPage, ApiPost, Contributor, ListStatus, Me, PageActivity, Snippet, TeamByline, User } from './types.js';

export type { PostsShown };

export interface DeskData {
  page: ApiPage | null;
  lists: Lists;
  activity: PageActivity | null;
  /** The page's pinned post, if any (its title says what pinning another replaces). */
  pinned: { id: string; title: string } | null;
  bylines: TeamByline[];
  contributors: Contributor[];
  snippets: Snippet[];
  /** Me as the server has me now (with my byline). */
  me: User | null;
}

interface DeskAnswer {
  at: string;
  page: ApiPage;
  lists: Record<ListStatus, PostsShown>;
  activity: PageActivity;
  pinned: DeskData['pinned'];
  bylines: TeamByline[];
  contributors: Contributor[];
  snippets: Snippet[];
  me: User | null;
}

/** A frame of the desk stream: changed posts, and the page or presence when they changed. */
export interface DeskFrame {
  seq: number;
  posts: ApiPost[];
  page?: ApiPage;
  editing?: PageActivity['editing'];
}

const EMPTY: DeskData = { page: null, lists: {}, activity: null, pinned: null, bylines: [], contributors: [], snippets: [], me: null };

/** The desk's data: read once, kept current by the stream; overlapping rereads collapse into one. */
export function useDeskData(slug: string, statuses: readonly ListStatus[]) {
  const { api } = useApp();
  const [data, setData] = useState<DeskData>(EMPTY);
  const [missing, setMissing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const shown = useRef<Partial<Record<ListStatus, number>>>({});
  const running = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  const alive = useRef(true);
  const since = useRef<string | null>(null);
  const snapshotAt = useRef('');
  useEffect(() => () => void (alive.current = false), []);

  const fetchAll = async () => {
    const counts = Object.entries(shown.current).map(([s, n]) => `${s}:${n}`).join(',');
    let got: DeskAnswer;
    try {
      got = await api.get<DeskAnswer>(`/api/v1/pages/${slug}/desk${counts ? `?shown=${counts}` : ''}`);
    } catch (e) {
      if (!alive.current) return;
      if (e instanceof ApiError && e.status === 404) return setMissing(true);
      return setProblem(`Could not refresh the desk: ${messageOf(e)} Trying again shortly.`);
    }
    if (!alive.current) return;
    since.current ??= got.at;
    snapshotAt.current = got.at;
    setProblem(null);
    const lists: Lists = Object.fromEntries(statuses.map((s) => [s, got.lists[s]]));
    setData({ page: got.page, lists, activity: got.activity, pinned: got.pinned, bylines: got.bylines, contributors: got.contributors, snippets: got.snippets, me: got.me });
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

  /** A pushed frame: merged into what is shown. */
  const apply = useCallback((f: DeskFrame) => {
    setData((d) => {
      const page = f.page ?? d.page;
      const lists = mergePosts(d.lists, f.posts, snapshotAt.current);
      const pinnedId = page?.pinnedPostId ?? null;
      const pinnedPost = pinnedId ? Object.values(lists).flatMap((l) => l.posts).find((p) => p.id === pinnedId) : undefined;
      const pinned = !pinnedId ? null : pinnedPost ? { id: pinnedId, title: pinnedPost.title } : d.pinned?.id === pinnedId ? d.pinned : { id: pinnedId, title: 'another post' };
      const activity = f.editing && d.activity ? { ...d.activity, editing: f.editing } : d.activity;
      return { ...d, page, lists, pinned, activity };
    });
  }, []);

  /** Shows the next 20 of a list. */
  const showMore = (status: ListStatus): Promise<void> => {
    shown.current[status] = (shown.current[status] ?? 1) + 1;
    return refresh();
  };

  return { ...data, missing, problem, refresh, showMore, apply, since };
}

/** The colleagues editing a post: everyone but me, by user id (two people may share a name). */
export function colleaguesEditing(entry: PageActivity['editing'][number], me: Pick<Me, 'id'>): string[] {
  return entry.people.filter((p) => p.id !== me.id).map((p) => p.name);
}
