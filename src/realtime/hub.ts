/**
 * The SSE hub: every reader connected to a page, in this process. When the bus says a page
 * moved on, its new events are rendered once (PageFeed) and the same bytes are written to
 * every subscriber. A reader who reconnects with Last-Event-ID first gets exactly what it
 * missed, from memory or the log, then the live events — none missed, none twice.
 */
import type { ServerResponse } from 'node:http';
import type { ReaderPages } from '../server/reader-pages.js';
import { pageHeadById } from '../store/pages.js';
import type { Db } from '../store/store.js';
import { PageFeed, type Frame } from './page-feed.js';

interface Subscriber {
  res: ServerResponse;
  /** The last seq written to this reader. */
  sent: number;
  /** While true the reader is being sent its backlog; live broadcasts skip it. */
  catchingUp: boolean;
}

/** A reader whose unsent bytes pass this is too slow: dropped, it resumes by id when it can. */
export const MAX_BUFFERED_BYTES = 64 * 1024;
const HEARTBEAT_MS = 15_000;
/** How often pages with readers are checked against the store, in case a notification was lost. */
const RESYNC_MS = 5_000;
const HEARTBEAT = Buffer.from(': ping\n\n');
/** Sent first: reconnect after 2 s (browsers default to 3 s or more). */
const PREAMBLE = Buffer.from('retry: 2000\n\n');

export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  // Never cached, never transformed (compressed) by a proxy, never buffered by nginx.
  'cache-control': 'no-cache, no-transform',
  'x-accel-buffering': 'no',
  connection: 'keep-alive',
};

export class LiveHub {
  private readonly feeds = new Map<string, PageFeed>();
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private readonly timers: NodeJS.Timeout[];

  constructor(
    private readonly db: Db,
    private readonly reader: ReaderPages,
  ) {
    this.timers = [setInterval(() => this.heartbeat(), HEARTBEAT_MS), setInterval(() => void this.resync(), RESYNC_MS)];
    for (const t of this.timers) t.unref();
  }

  /** Readers connected to this process right now. */
  get connections(): number {
    let n = 0;
    for (const set of this.subscribers.values()) n += set.size;
    return n;
  }

  /** Readers per page in this process. */
  countsByPage(): Map<string, number> {
    return new Map([...this.subscribers].map(([pageId, set]) => [pageId, set.size]));
  }

  /** The feed of a page, created at its current seq. */
  feed(pageId: string, seq: number): PageFeed {
    let feed = this.feeds.get(pageId);
    if (!feed) {
      feed = new PageFeed(pageId, seq, this.db, this.reader);
      this.feeds.set(pageId, feed);
    }
    return feed;
  }

  /** From the bus: page `pageId` is at `seq`. */
  notify(pageId: string, seq: number): void {
    const feed = this.feeds.get(pageId);
    if (!feed) return; // nobody here follows this page
    feed.advance(seq).then(
      (frames) => this.broadcast(pageId, frames),
      () => {}, // a failed read is retried by the next notification or resync
    );
  }

  /** Streams a page's events after `since` to `res`, then keeps it subscribed until it closes. */
  async connect(page: { id: string; seq: number }, since: number, res: ServerResponse): Promise<void> {
    const sub: Subscriber = { res, sent: Math.min(since, page.seq), catchingUp: true };
    let set = this.subscribers.get(page.id);
    if (!set) this.subscribers.set(page.id, (set = new Set()));
    set.add(sub);
    res.on('close', () => {
      set.delete(sub);
      if (set.size === 0) this.subscribers.delete(page.id);
    });
    res.writeHead(200, SSE_HEADERS);
    res.write(PREAMBLE);
    const feed = this.feed(page.id, page.seq);
    // Catch up: write the backlog until it reaches what the feed has; broadcasts take over from there.
    while (!res.destroyed) {
      if (sub.sent >= feed.loaded) {
        sub.catchingUp = false;
        return;
      }
      const frames = await feed.since(sub.sent);
      if (frames.length === 0) {
        sub.catchingUp = false;
        return;
      }
      for (const f of frames) this.write(sub, f);
    }
  }

  /** Ends every stream (shutdown): readers reconnect elsewhere with their last id. */
  close(): void {
    for (const t of this.timers) clearInterval(t);
    for (const set of this.subscribers.values()) for (const sub of set) sub.res.end();
    this.subscribers.clear();
  }

  private broadcast(pageId: string, frames: Frame[]): void {
    const set = this.subscribers.get(pageId);
    if (!set || frames.length === 0) return;
    for (const sub of set) {
      if (sub.catchingUp) continue;
      for (const f of frames) this.write(sub, f);
    }
  }

  private write(sub: Subscriber, f: Frame): void {
    if (f.seq <= sub.sent || sub.res.destroyed) return;
    if (sub.res.writableLength > MAX_BUFFERED_BYTES) {
      sub.res.destroy(); // too far behind: it will resume from sub.sent
      return;
    }
    sub.res.write(f.sse);
    sub.sent = f.seq;
  }

  private heartbeat(): void {
    for (const set of this.subscribers.values()) for (const sub of set) if (!sub.res.destroyed) sub.res.write(HEARTBEAT);
  }

  /** Pages with readers are compared with the store: a lost notification costs seconds, not events. */
  private async resync(): Promise<void> {
    for (const pageId of this.subscribers.keys()) {
      const head = await pageHeadById(this.db, pageId).catch(() => undefined);
      if (head && head.seq > (this.feeds.get(pageId)?.loaded ?? head.seq)) this.notify(pageId, head.seq);
    }
  }
}
