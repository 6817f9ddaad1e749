/**
 * What the desk shows, read from the API: the page, its posts by status (published,
 * queue, drafts, scheduled, taken down) with each list's total, readers now, and the
 * pinned post's title. Lists start at the API's first 20 and grow a page at a time on
 * "Show more"; every refresh rereads the pages shown, so nothing shown goes stale.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, messageOf } from './api.js';
import { useApp } from './context.js';
import type { ApiPage, ApiPost, ListStatus, Me, PageActivity, PostList } from './types.js';

export interface PostsShown {
  posts: ApiPost[];
  /** How many posts of this status there are in all. */
  total: number;
  /** True when the API has more than are shown. */
  more: boolean;
}

export interface DeskData {
  page: ApiPage | null;
  lists: Partial<Record<ListStatus, PostsShown>>;
  activity: PageActivity | null;
  /** The page's pinned post, if any (its title says what pinning another replaces). */
  pinned: { id: string; title: string } | null;
}

/** The desk's data, refetched on demand; overlapping calls collapse into one more fetch. */
export function useDeskData(slug: string, statuses: readonly ListStatus[]) {
  const { api } = useApp();
  const [data, setData] = useState<DeskData>({ page: null, lists: {}, activity: null, pinned: null });
  const [missing, setMissing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const shown = useRef<Partial<Record<ListStatus, number>>>({});
  const titles = useRef(new Map<string, string>());
  const running = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  const alive = useRef(true);
  useEffect(() => () => void (alive.current = false), []);

  const base = `/api/v1/pages/${slug}`;
  const readList = async (status: ListStatus): Promise<PostsShown> => {
    const n = shown.current[status] ?? 1;
    const pages = await Promise.all(Array.from({ length: n }, (_, i) => api.get<PostList>(`${base}/posts?status=${status}&page=${i + 1}`)));
    const first = pages[0]!;
    return { posts: dedupe(pages.flatMap((p) => p.posts)), total: first.total, more: pages[pages.length - 1]!.pageCount > n };
  };

  /** The pinned post's title: from the lists when shown there, else asked for once. */
  const pinnedTitle = async (page: ApiPage | null, published: ApiPost[]): Promise<DeskData['pinned']> => {
    const id = page?.pinnedPostId;
    if (!id) return null;
    const listed = published.find((p) => p.id === id);
    if (listed) titles.current.set(id, listed.title);
    else if (!titles.current.has(id)) titles.current.set(id, (await api.get<ApiPost>(`/api/v1/posts/${id}`).catch(() => null))?.title ?? 'another post');
    return { id, title: titles.current.get(id)! };
  };

  const fetchAll = async () => {
    const [page, activity, ...lists] = await Promise.allSettled([api.get<ApiPage>(base), api.get<PageActivity>(`${base}/activity`), ...statuses.map(readList)]);
    if (!alive.current) return;
    if (page.status === 'rejected' && page.reason instanceof ApiError && page.reason.status === 404) return setMissing(true);
    const failed = [page, activity, ...lists].find((r) => r.status === 'rejected');
    setProblem(failed ? `Could not refresh the desk: ${messageOf((failed as PromiseRejectedResult).reason)} Trying again shortly.` : null);
    const got: DeskData['lists'] = {};
    statuses.forEach((s, i) => {
      const r = lists[i]!;
      if (r.status === 'fulfilled') got[s] = r.value as PostsShown;
    });
    const pageNow = page.status === 'fulfilled' ? page.value : null;
    const pinned = await pinnedTitle(pageNow, got.published?.posts ?? []);
    if (!alive.current) return;
    setData((d) => ({
      page: pageNow ?? d.page,
      lists: { ...d.lists, ...got },
      activity: activity.status === 'fulfilled' ? activity.value : d.activity,
      pinned: pageNow ? pinned : d.pinned,
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

  /** Shows the next 20 of a list. */
  const showMore = (status: ListStatus): Promise<void> => {
    shown.current[status] = (shown.current[status] ?? 1) + 1;
    return refresh();
  };

  return { ...data, missing, problem, refresh, showMore };
}

export function dedupe(posts: ApiPost[]): ApiPost[] {
  const seen = new Set<string>();
  return posts.filter((p) => !seen.has(p.id) && seen.add(p.id));
}

/** The colleagues editing a post: everyone but me, by user id (two people may share a name). */
export function colleaguesEditing(entry: PageActivity['editing'][number], me: Pick<Me, 'id'>): string[] {
  return entry.people.filter((p) => p.id !== me.id).map((p) => p.name);
}
