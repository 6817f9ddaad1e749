/**
 * One page's live events in this process: read from the log once, rendered once, kept as
 * ready-to-send frames for the recent past. Serves the SSE hub (live and resuming readers)
 * and the polling endpoint alike.
 */
import type { BaseLogger } from 'pino';
import type { PostFragments } from '../render/post-fragments.js';
import { eventsSince } from '../store/events.js';
import { findPageById } from '../store/pages.js';
import type { ReadDb } from '../store/store.js';
import { httpChunk, sseFrame, toLiveEvents, type LiveEvent } from './live-events.js';

export interface Frame {
  seq: number;
  event: LiveEvent;
  /** The SSE bytes, written as they are to every subscriber. */
  sse: Buffer;
  /** The same bytes framed as one HTTP/1.1 chunk, for chunked streams (`sse` is a view into it). */
  chunk: Buffer;
}

/** A frame for `event`: serialised and framed once, shared by every reader. */
export function toFrame(event: LiveEvent): Frame {
  const sse = sseFrame(event);
  const chunk = httpChunk(sse);
  const head = chunk.length - sse.length - 2;
  return { seq: event.id, event, sse: chunk.subarray(head, head + sse.length), chunk };
}

/** Frames kept per page: enough for every reader who was away a little while… */
const KEEP = 1000;
/** …and at most this many bytes of them (long posts): older ones are read from the log again. */
export const KEEP_BYTES = 8 * 2 ** 20;
/** A frame's weight: its chunk (`sse` is a view into it) and the event's html, kept as a string. */
const frameBytes = (f: Frame): number => f.chunk.length + (typeof f.event.data.html === 'string' ? f.event.data.html.length * 2 : 0);
/** Events read and rendered per batch. */
const BATCH = 500;

export class PageFeed {
  /** In seq order (a Map keeps insertion order; a scrub replaces in place). */
  private readonly frames = new Map<number, Frame>();
  private bytes = 0;
  /** The highest seq this process has rendered; frames are contiguous up to it. */
  loaded: number;
  private chain: Promise<unknown> = Promise.resolve();

  /**
   * `onFresh` is given every frame this feed loads, once, in seq order, whoever asked for
   * it (the hub's notification, a poll, the GRIP proxy): the hub's readers then never miss
   * an event that another path loaded first.
   */
  constructor(
    readonly pageId: string,
    startSeq: number,
    private readonly db: ReadDb,
    private readonly posts: PostFragments,
    private readonly log: Pick<BaseLogger, 'error'>,
    private readonly onFresh: (frames: Frame[]) => void = () => {},
  ) {
    this.loaded = startSeq;
  }

  /**
   * Reads, renders and keeps the events up to `seq` (and any that came meanwhile), hands
   * them to `onFresh`, and resolves with them in order. Calls are serialised, so frames
   * come out in seq order.
   */
  advance(seq: number): Promise<Frame[]> {
    const run = this.chain.then(async () => {
      if (seq <= this.loaded) return [];
      const fresh: Frame[] = [];
      while (this.loaded < seq) {
        const batch = await this.load(this.loaded);
        if (batch.length === 0) break;
        for (const f of batch) this.keep(f);
        this.loaded = batch[batch.length - 1]!.seq;
        fresh.push(...batch);
      }
      if (fresh.length > 0) this.onFresh(fresh);
      return fresh;
    });
    this.chain = run.catch(() => {});
    return run;
  }

  /** Frames after `since`, in order (at most one batch): from memory when it has them. */
  async since(since: number): Promise<Frame[]> {
    const out: Frame[] = [];
    for (let s = since + 1; s <= this.loaded && out.length < BATCH; s++) {
      const f = this.frames.get(s);
      if (!f) return this.load(since); // older than we keep: read the log
      out.push(f);
    }
    return out;
  }

  /** Bytes and frames held now. */
  get held(): { bytes: number; frames: number } {
    return { bytes: this.bytes, frames: this.frames.size };
  }

  /** Drops the oldest frames until at most `frames` and `bytes` are held; asked for again, they are read from the log. */
  keepAtMost(frames: number, bytes: number): void {
    for (const [seq, old] of this.frames) {
      if (this.frames.size <= frames && this.bytes <= bytes) break;
      this.frames.delete(seq);
      this.bytes -= frameBytes(old);
    }
  }

  private keep(f: Frame): void {
    this.frames.set(f.seq, f);
    this.bytes += frameBytes(f);
    this.keepAtMost(KEEP, KEEP_BYTES);
    if (f.event.type === 'post.unpublished') this.scrub(f.event.data.id);
  }

  /** A withdrawn post's html is never sent again, not even to a reader replaying the past. */
  private scrub(postId: unknown): void {
    for (const [seq, old] of this.frames) {
      if (old.event.data.id !== postId || !old.event.data.html) continue;
      const scrubbed = toFrame({ ...old.event, data: { ...old.event.data, html: '' } });
      this.bytes += frameBytes(scrubbed) - frameBytes(old);
      this.frames.set(seq, scrubbed);
    }
  }

  private async load(after: number): Promise<Frame[]> {
    const events = await eventsSince(this.db, this.pageId, after, BATCH);
    if (events.length === 0) return [];
    const page = await findPageById(this.db, this.pageId);
    if (!page) return [];
    const failed = (seq: number, err: unknown) =>
      this.log.error({ err, pageId: this.pageId, seq }, 'a live event could not be rendered: readers get it without content');
    return (await toLiveEvents(this.db, this.posts, page, events, failed)).map(toFrame);
  }
}
