/**
 * From the event log to what readers receive (SPEC §4): post events carry the post's
 * <article> exactly as the page renders it, page events the page parts to replace. Built
 * once per event per process, then shared by every SSE subscriber and poller.
 */
import type { EventType, PageEvent } from '../domain/event.js';
import { isVisible } from '../domain/post.js';
import type { Page } from '../domain/page.js';
import type { PageParts } from '../render/parts.js';
import type { PostFragments } from '../render/post-fragments.js';
import { findPostRows, postFromRow, visiblePinnedPost } from '../store/posts.js';
import type { ReadDb } from '../store/store.js';

export interface LiveEvent {
  id: number;
  type: EventType;
  data: Record<string, unknown>;
}

/** One SSE message: `id`, `event`, one `data` line (JSON never contains a raw newline). */
export function sseFrame(e: LiveEvent): Buffer {
  return Buffer.from(`id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify(e.data)}\n\n`);
}

const CRLF = Buffer.from('\r\n');

/**
 * `bytes` as one HTTP/1.1 chunk (size line, bytes, CRLF) — what node:http would send for
 * `res.write(bytes)` on a chunked response, built once so it can be written as it is.
 */
export function httpChunk(bytes: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, CRLF]);
}

/**
 * The reader-facing form of `events` (in order), rendered against the page as it is now.
 * An event that cannot be rendered (a post row that no longer parses, a template that
 * throws) is reported to `failed` and sent without content: same id and type, data
 * `{ seq }` alone. Readers' scripts apply nothing for it (no html, no parts, no post id,
 * so not even the key-events list changes) yet their seq moves past it, so the page's
 * stream goes on; the post's or page's next change, or a reload, shows it again.
 */
export async function toLiveEvents(
  db: ReadDb,
  posts: PostFragments,
  page: Page,
  events: PageEvent[],
  failed: (seq: number, err: unknown) => void,
): Promise<LiveEvent[]> {
  const postIds = [...new Set(events.flatMap((e) => ('id' in e.data ? [e.data.id] : [])))];
  const rows = new Map((await findPostRows(db, postIds)).map((r) => [r.id, r]));
  const ctx = posts.context(page);
  let parts: Promise<PageParts> | undefined; // read once, when a page event needs them
  const pageParts = async () => posts.pageParts(page, await visiblePinnedPost(db, page));
  const render = async (e: PageEvent): Promise<LiveEvent> => {
    const base = { seq: e.seq };
    switch (e.type) {
      case 'post.published':
      case 'post.updated': {
        const id = (e.data as { id: string }).id;
        const row = rows.get(id);
        const post = row && postFromRow(row, page.pinnedPostId);
        // Replaying an old event for a post since withdrawn must not show it again.
        const html = post && isVisible(post) ? posts.article(post, ctx) : '';
        return { id: e.seq, type: e.type, data: { ...base, id, html } };
      }
      case 'post.unpublished':
        return { id: e.seq, type: e.type, data: { ...base, id: (e.data as { id: string }).id } };
      case 'page.updated': {
        const p = await (parts ??= pageParts());
        return { id: e.seq, type: e.type, data: { ...base, ...e.data, parts: { header: p.header, summary: p.summary, pinned: p.pinned } } };
      }
      case 'page.continued': {
        const p = await (parts ??= pageParts());
        return { id: e.seq, type: e.type, data: { ...base, ...e.data, parts: { header: p.header, notice: p.notice } } };
      }
      case 'page.ended': {
        const p = await (parts ??= pageParts());
        return { id: e.seq, type: e.type, data: { ...base, parts: { header: p.header } } };
      }
    }
  };
  const out: LiveEvent[] = [];
  for (const e of events) {
    try {
      out.push(await render(e));
    } catch (err) {
      failed(e.seq, err);
      out.push({ id: e.seq, type: e.type, data: { seq: e.seq } });
    }
  }
  return out;
}
