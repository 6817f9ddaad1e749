/**
 * From the event log to what readers receive (SPEC §4): post events carry the post's
 * <article> exactly as the page renders it, page events the page parts to replace. Built
 * once per event per process, then shared by every SSE subscriber and poller.
 */
import type { EventType, PageEvent } from '../domain/event.js';
import { isVisible } from '../domain/post.js';
import type { Page } from '../domain/page.js';
import type { ReaderPages } from '../server/reader-pages.js';
import { findPostRows, postFromRow } from '../store/posts.js';
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

/** The reader-facing form of `events` (in order), rendered against the page as it is now. */
export async function toLiveEvents(db: ReadDb, reader: ReaderPages, page: Page, events: PageEvent[]): Promise<LiveEvent[]> {
  const postIds = [...new Set(events.flatMap((e) => ('id' in e.data ? [e.data.id] : [])))];
  const posts = new Map((await findPostRows(db, postIds)).map((r) => [r.id, postFromRow(r, page.pinnedPostId)]));
  const ctx = reader.posts.context(page);
  const parts = events.some((e) => e.type.startsWith('page.')) ? await reader.pageParts(db, page) : undefined;
  return events.map((e): LiveEvent => {
    const base = { seq: e.seq };
    switch (e.type) {
      case 'post.published':
      case 'post.updated': {
        const id = (e.data as { id: string }).id;
        const post = posts.get(id);
        // Replaying an old event for a post since withdrawn must not show it again.
        const html = post && isVisible(post) ? reader.posts.article(post, ctx) : '';
        return { id: e.seq, type: e.type, data: { ...base, id, html } };
      }
      case 'post.unpublished':
        return { id: e.seq, type: e.type, data: { ...base, id: (e.data as { id: string }).id } };
      case 'page.updated':
        return { id: e.seq, type: e.type, data: { ...base, ...e.data, parts: { header: parts!.header, summary: parts!.summary, pinned: parts!.pinned } } };
      case 'page.continued':
        return { id: e.seq, type: e.type, data: { ...base, ...e.data, parts: { header: parts!.header, notice: parts!.notice } } };
      case 'page.ended':
        return { id: e.seq, type: e.type, data: { ...base, parts: { header: parts!.header } } };
    }
  });
}
