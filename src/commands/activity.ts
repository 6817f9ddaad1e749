/** "Alice is editing this post", and how many read the page now and over the last hour. */
import type { Actor } from '../domain/user.js';
import { clearPresence, listPresence, publishedSince, readersByMinute, setPresence } from '../store/activity.js';
import type { ReadDb } from '../store/store.js';
import type { CommandContext } from './context.js';
import { requirePage, requirePost } from './load.js';

/** Presence lasts this long unless the editor's browser renews it. */
export const PRESENCE_TTL_MS = 30_000;

/** Marks `actor` as editing a post, or no longer editing it. */
export async function setEditing(ctx: CommandContext, actor: Actor & { name: string }, postId: string, editing: boolean): Promise<void> {
  const expiresAt = new Date(ctx.now().getTime() + PRESENCE_TTL_MS).toISOString();
  const pageId = await ctx.store.write(async (db) => {
    const { page } = await requirePost(db, postId);
    if (!editing) await clearPresence(db, postId, actor.id);
    else await setPresence(db, { postId, pageId: page.id, userId: actor.id, userName: actor.name, expiresAt });
    return page.id;
  });
  ctx.onDeskChange?.(pageId);
}

/** The minute an instant falls in, as `YYYY-MM-DDTHH:MM`. */
export const minuteOf = (d: Date): string => d.toISOString().slice(0, 16);

export interface PageActivity {
  /** Readers connected to live updates now, across all server processes. */
  readers: number;
  /** `names` for display; `people` tells colleagues who share a name apart. */
  editing: { postId: string; names: string[]; people: { id: string; name: string }[] }[];
  /** The last hour, a point a minute: readers connected and posts published. */
  history: { minute: string; readers: number; posts: number }[];
}

export async function pageActivity(db: ReadDb, slug: string, now: Date): Promise<PageActivity> {
  const page = await requirePage(db, slug);
  const from = new Date(now.getTime() - 59 * 60_000);
  const [presence, counts, published] = await Promise.all([
    listPresence(db, page.id, now.toISOString()),
    readersByMinute(db, page.id, minuteOf(from)),
    publishedSince(db, page.id, `${minuteOf(from)}:00.000Z`),
  ]);
  const readers = new Map(counts.map((c) => [c.minute, c.readers]));
  const posts = new Map<string, number>();
  for (const at of published) posts.set(at.slice(0, 16), (posts.get(at.slice(0, 16)) ?? 0) + 1);
  const history = Array.from({ length: 60 }, (_, i) => {
    const minute = minuteOf(new Date(from.getTime() + i * 60_000));
    return { minute, readers: readers.get(minute) ?? 0, posts: posts.get(minute) ?? 0 };
  });
  const editing = new Map<string, { id: string; name: string }[]>();
  for (const p of presence) editing.set(p.postId, [...(editing.get(p.postId) ?? []), { id: p.userId, name: p.name }]);
  return {
    readers: readers.get(minuteOf(now)) ?? readers.get(minuteOf(new Date(now.getTime() - 60_000))) ?? 0,
    editing: [...editing].map(([postId, people]) => ({ postId, names: people.map((p) => p.name), people })),
    history,
  };
}
