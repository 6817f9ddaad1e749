/**
 * The SSE hub: every reader connected to a page, in this process. When the bus says a page
 * moved on, its new events are rendered once (PageFeed) and the same bytes are written to
 * every subscriber. A reader who reconnects with Last-Event-ID first gets exactly what it
 * missed, from memory or the log, however much (in pieces, as its socket drains), then the
 * live events — none missed, none twice.
 */
import type { ServerResponse } from 'node:http';
import type { BaseLogger } from 'pino';
import type { PostFragments } from '../render/post-fragments.js';
import { pageHeadById } from '../store/pages.js';
import type { ReadDb } from '../store/store.js';
import { endSpread } from './drain-schedule.js';
import type { GripPublisher } from './grip.js';
import { answerHold, publishCommitted } from './grip-stream.js';
import { PageFeed, type Frame } from './page-feed.js';
import { PageFeeds } from './page-feeds.js';
import { HEARTBEAT, preamble, SSE_HEADERS } from './sse.js';
import { Subscriber, type Bytes } from './subscriber.js';

export interface HubOptions {
  /** Where failures on background paths (reading, rendering, resync) are reported. */
  log: Pick<BaseLogger, 'error' | 'warn'>;
  /**
   * A reader catching up that takes none of its backlog for this long has stopped reading:
   * it is dropped (and resumes by id when it reads again).
   */
  drainTimeoutMs: number;
  /**
   * Told, once per broadcast, the milliseconds from the commit to the last socket write of
   * its events to this process's readers (metrics: the fan-out latency). Not called for
   * changes whose commit time is unknown (a resync, a reader's first look at its page).
   */
  onFanOut?: ((ms: number) => void) | undefined;
  /** With a GRIP proxy in front: each event this process commits is published to it once. */
  grip?: GripPublisher | undefined;
  /** What all page feeds may hold together (their frames), however many pages readers ask for. */
  feedsKeepBytes: number;
}

const DEFAULT_DRAIN_TIMEOUT_MS = 30_000;
/** Eight pages' worth of each feed's own limit (page-feed.ts KEEP_BYTES). */
const DEFAULT_FEEDS_KEEP_BYTES = 64 * 2 ** 20;

/** A page's readers get a heartbeat comment when nothing was written to them for this long. */
const HEARTBEAT_MS = 15_000;
const HEARTBEAT_CHECK_MS = 5_000;
/** How often pages with readers are checked against the store, in case a notification was lost. */
const RESYNC_MS = 5_000;

export class LiveHub {
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private readonly feeds: PageFeeds;
  /** When each page's readers were last written to all at once (a broadcast or a heartbeat). */
  private readonly lastWrite = new Map<string, number>();
  private readonly timers: NodeJS.Timeout[];

  private readonly opts: HubOptions;

  constructor(
    private readonly db: ReadDb,
    posts: PostFragments,
    opts: Partial<HubOptions> & Pick<HubOptions, 'log'>,
  ) {
    this.opts = { drainTimeoutMs: DEFAULT_DRAIN_TIMEOUT_MS, feedsKeepBytes: DEFAULT_FEEDS_KEEP_BYTES, ...opts };
    const make = (pageId: string, seq: number) => new PageFeed(pageId, seq, db, posts, this.opts.log, (frames) => this.fresh(pageId, frames));
    this.feeds = new PageFeeds(make, this.opts.feedsKeepBytes, this.subscribers);
    this.timers = [setInterval(() => this.heartbeat(), HEARTBEAT_CHECK_MS), setInterval(() => void this.resync(), RESYNC_MS)];
    for (const t of this.timers) t.unref();
  }

  /** Set by close(): no stream is taken after it. */
  closed = false;

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
    return this.feeds.use(pageId, seq);
  }

  /** What the page feeds hold: bytes, and frames (the `live_events` cache in metrics). */
  memory(): { bytes: number; entries: number } {
    return this.feeds.memory();
  }

  /** Frames a page's feed just loaded: to its readers, then the feeds trimmed to their budget. */
  private fresh(pageId: string, frames: Frame[]): void {
    try {
      this.broadcast(pageId, frames);
      this.feeds.trim();
    } catch (err) {
      // Not the poll's or the proxy's failure (they asked for the load): readers catch up at the next event.
      this.opts.log.error({ err, pageId }, 'live events could not be broadcast');
    }
  }

  /** From the bus: page `pageId` is at `seq` since `committedAt` (ms since the epoch, when known). */
  notify(pageId: string, seq: number, committedAt?: number): void {
    const feed = this.feeds.get(pageId);
    if (!feed) return; // nobody here follows this page
    feed.advance(seq).then(
      (frames) => {
        // The feed broadcast them as it loaded them, synchronously: the last socket write is done.
        if (frames.length > 0 && committedAt !== undefined && this.subscribers.has(pageId)) this.opts.onFanOut?.(Date.now() - committedAt);
      },
      // Retried by the next notification or the resync within seconds.
      (err: unknown) => this.opts.log.error({ err, pageId, seq }, 'live events could not be read'),
    );
  }

  /** Streams a page's events after `since` to `res`, then keeps it subscribed until it closes. */
  async connect(page: { id: string; seq: number }, since: number, res: ServerResponse): Promise<void> {
    if (res.destroyed) return; // gone while its page was looked up: its 'close' has been and gone
    const socket = res.socket;
    socket?.cork(); // the head and the preamble leave in one write
    res.writeHead(200, SSE_HEADERS);
    res.flushHeaders(); // the head is written now; the body may then go straight to the socket
    const sub = new Subscriber(res, Math.min(since, page.seq));
    let set = this.subscribers.get(page.id);
    if (!set) this.subscribers.set(page.id, (set = new Set()));
    set.add(sub);
    sub.out.on('close', () => {
      set.delete(sub);
      if (set.size === 0 && this.subscribers.get(page.id) === set) {
        this.subscribers.delete(page.id);
        this.lastWrite.delete(page.id);
      }
    });
    sub.out.write(sub.bytes(preamble()));
    socket?.uncork();
    await this.resume(sub, this.feed(page.id, page.seq));
  }

  /** Sends the reader what it lacks from the feed, then live events; a failure drops it (it resumes by id). */
  private async resume(sub: Subscriber, feed: PageFeed): Promise<void> {
    sub.catchingUp = true;
    try {
      await this.catchUp(sub, feed);
    } catch (err) {
      this.opts.log.error({ err, pageId: feed.pageId, seq: sub.sent }, 'a reader could not be sent its backlog');
      sub.out.destroy(); // it resumes from what it got
    }
  }

  /**
   * The backlog until the reader reaches what the feed has; broadcasts take over from there.
   * Live broadcasts skip the reader meanwhile and are picked up here from the feed, so the
   * order stays exact and nothing is sent twice. The backlog goes out in pieces as the
   * socket drains; a reader that takes nothing for drainTimeoutMs is dropped.
   */
  private async catchUp(sub: Subscriber, feed: PageFeed): Promise<void> {
    while (!sub.gone) {
      if (sub.sent >= feed.loaded) {
        sub.catchingUp = false;
        return;
      }
      const frames = await feed.since(sub.sent);
      if (frames.length === 0) {
        sub.catchingUp = false;
        return;
      }
      if (!(await sub.sendBacklog(frames, this.opts.drainTimeoutMs))) {
        if (!sub.out.writableEnded) sub.out.destroy(); // stopped reading; an ended stream is left to finish
        return;
      }
    }
  }

  /** A stream request that came through the GRIP proxy: its backlog and hold instructions (grip-stream.ts). */
  holdForProxy(page: { id: string; seq: number }, slug: string, since: number, res: ServerResponse, recovery: boolean): Promise<void> {
    return answerHold(this.feed(page.id, page.seq), page.seq, slug, since, res, recovery);
  }

  /**
   * Publishes the `events` a commit appended to a page, up to `seq`, to the GRIP proxy:
   * called once, by the process whose transaction wrote them (every node hears the bus;
   * only one publishes).
   */
  async publishProxy(pageId: string, seq: number, events: number): Promise<void> {
    if (this.opts.grip) await publishCommitted(this.opts.grip, this.feed(pageId, seq - events), seq, events);
  }

  /** Ends every stream at once: readers reconnect elsewhere with their last event id. */
  close(): void {
    this.closed = true;
    for (const t of this.timers) clearInterval(t);
    for (const set of this.subscribers.values()) for (const sub of set) sub.end();
    this.subscribers.clear();
  }

  /**
   * Ends every stream, spread evenly over `windowMs` (graceful shutdown), so thousands of
   * readers do not reconnect to the remaining nodes in the same second. No stream is taken
   * meanwhile; those still open keep getting events until their turn, and each resumes
   * elsewhere from its last event id. Resolves when all are ended.
   */
  async drain(windowMs: number): Promise<void> {
    if (!(windowMs > 0)) return this.close();
    this.closed = true;
    const subs = [...this.subscribers.values()].flatMap((set) => [...set].map((sub) => ({ set, sub })));
    await endSpread(subs, windowMs, ({ set, sub }) => {
      set.delete(sub); // no broadcast writes after its end
      sub.end();
    });
    this.close(); // streams that came in the meantime (none should) and the timers
  }

  /**
   * New frames (the feed's, as it loads them) to every live reader of the page. The common
   * case — readers all at the previous seq — is one write of the same Buffer each (the
   * frames joined once). A reader further behind is never written past what it lacks: it
   * catches up from the feed.
   */
  private broadcast(pageId: string, frames: Frame[]): void {
    const set = this.subscribers.get(pageId);
    if (!set || set.size === 0) return;
    this.lastWrite.set(pageId, Date.now());
    const first = frames[0]!;
    const all = frames.length === 1 ? first : joined(frames);
    for (const sub of set) {
      if (sub.catchingUp) continue;
      if (sub.sent === first.seq - 1) sub.write(all);
      else if (sub.sent >= first.seq) for (const f of frames) sub.write(f);
      else void this.resume(sub, this.feeds.get(pageId)!);
    }
  }

  /** Unsent bytes this process holds for its readers right now (the slow-reader limit bounds it). */
  bufferedBytes(): number {
    let n = 0;
    for (const set of this.subscribers.values()) for (const sub of set) n += sub.out.writableLength;
    return n;
  }

  /**
   * Keeps idle streams open through proxies and finds dead readers. Pages that had an event
   * lately are skipped: their readers just got bytes, and a round of writes to every
   * reader would only delay the next event.
   */
  private heartbeat(): void {
    const now = Date.now();
    for (const [pageId, set] of this.subscribers) {
      if (now - (this.lastWrite.get(pageId) ?? 0) < HEARTBEAT_MS) continue;
      this.lastWrite.set(pageId, now);
      // Readers catching up are being written to already (or dropped when they stop reading).
      for (const sub of set) if (!sub.out.destroyed && !sub.catchingUp) sub.out.write(sub.bytes(HEARTBEAT));
    }
  }

  /**
   * Pages with readers are compared with the store: a lost notification costs seconds, not
   * events. Also called by the bus when it listens again after a lost connection.
   */
  async resync(): Promise<void> {
    for (const pageId of this.subscribers.keys()) {
      const head = await pageHeadById(this.db, pageId).catch((err: unknown) => {
        this.opts.log.error({ err, pageId }, 'resync: the page could not be read');
      });
      if (head && head.seq > (this.feeds.get(pageId)?.loaded ?? head.seq)) this.notify(pageId, head.seq);
    }
  }
}

/** Consecutive frames as one: the seq of the last, the bytes of all. */
function joined(frames: Frame[]): Bytes {
  return { seq: frames[frames.length - 1]!.seq, sse: Buffer.concat(frames.map((f) => f.sse)), chunk: Buffer.concat(frames.map((f) => f.chunk)) };
}
