/**
 * This process's page feeds (page-feed.ts), one per page readers have asked for: made on
 * first use, kept in order of use, and all within one byte budget however many pages that
 * is — a feed keeps loading its page's new events whether or not anyone still reads them.
 */
import type { PageFeed } from './page-feed.js';

/** Feeds kept for pages nobody here follows (polled, or a proxy's): a few hundred bytes each when empty. */
const MAX_IDLE_FEEDS = 1_000;

export class PageFeeds {
  /** The Map's order is the order of use: least recent first. */
  private readonly feeds = new Map<string, PageFeed>();

  /** `followed`: the pages readers of this process follow (each has a feed), whose feeds stay. */
  constructor(
    private readonly make: (pageId: string, seq: number) => PageFeed,
    private readonly keepBytes: number,
    private readonly followed: ReadonlyMap<string, unknown>,
  ) {}

  get(pageId: string): PageFeed | undefined {
    return this.feeds.get(pageId);
  }

  /** The page's feed, made at `seq` if there is none, and marked as the most recently used. */
  use(pageId: string, seq: number): PageFeed {
    const known = this.feeds.get(pageId);
    if (known) {
      this.feeds.delete(pageId);
      this.feeds.set(pageId, known);
      return known;
    }
    const feed = this.make(pageId, seq);
    this.feeds.set(pageId, feed);
    this.trim(); // one page more
    return feed;
  }

  /** What the feeds hold: bytes, and frames. */
  memory(): { bytes: number; entries: number } {
    let bytes = 0;
    let entries = 0;
    for (const feed of this.feeds.values()) {
      bytes += feed.held.bytes;
      entries += feed.held.frames;
    }
    return { bytes, entries };
  }

  /**
   * Keeps what the feeds hold within the budget, and the feeds of pages nobody here follows
   * to MAX_IDLE_FEEDS. Those go first, least recently used first (made again when asked
   * for); then, if need be, the oldest frames of followed pages (their resuming readers then
   * read the log).
   */
  trim(): void {
    let { bytes } = this.memory();
    let idle = this.feeds.size - this.followed.size;
    for (const [pageId, feed] of this.feeds) {
      if (bytes <= this.keepBytes && idle <= MAX_IDLE_FEEDS) break;
      if (this.followed.has(pageId)) continue;
      bytes -= feed.held.bytes;
      idle--;
      this.feeds.delete(pageId);
    }
    for (const feed of this.feeds.values()) {
      if (bytes <= this.keepBytes) return;
      const before = feed.held.bytes;
      feed.keepAtMost(Infinity, Math.max(0, before - (bytes - this.keepBytes)));
      bytes -= before - feed.held.bytes;
    }
  }
}
