/**
 * The polling endpoint's answers (SPEC §4: `{seq, events}` for `?since=N`), bounded in
 * memory and cheap to make for any `since`. Readers choose `since`, so two caches, each
 * bounded in bytes: whole answers (the URL every reader at a seq asks for, served as one
 * Buffer), and each event's JSON at the page's current seq, from which an answer for
 * another `since` is joined without reading or rendering anything again.
 */
import type { PageFeed } from '../realtime/page-feed.js';
import { Lru } from '../render/lru.js';
import { EncodedBody, FAST_BROTLI_QUALITY } from './encoded-body.js';
import type { CacheMemory } from '../metrics/registry.js';
import { CacheCounter } from './metrics.js';

const COMMA = Buffer.from(',');
const END = Buffer.from(']}');

/** Most events in one answer; a client behind by more asks again from the last one it got. */
export const POLL_EVENTS = 500;
/** Whole answers kept per process (docs/performance.md). */
export const ANSWERS_BUDGET = 16 * 2 ** 20;
/** Events' JSON kept per process: a long page's every event is a megabyte or two. */
export const EVENTS_BUDGET = 16 * 2 ** 20;

interface PageAt {
  id: string;
  seq: number;
}

export class PollAnswers {
  /** Whole answers, with their Brotli and gzip bytes once a reader asked for them (counted in the budget). */
  private readonly answers = new Lru<string, EncodedBody>({ maxEntries: 2000, maxBytes: ANSWERS_BUDGET, sizeOf: (b) => b.bytes });
  /** Each event's JSON as UTF-8: an answer is one copy of the parts, no string building. */
  private readonly events = new Lru<string, Buffer>({ maxEntries: 100_000, maxBytes: EVENTS_BUDGET, sizeOf: (b) => b.length });

  /** Answers made and answers found (metrics). */
  readonly tally = new CacheCounter();

  /** The answer for the events after `since`, as the page is at `page.seq`. */
  async answer(feed: PageFeed, page: PageAt, since: number): Promise<EncodedBody> {
    // Every `since` past the page's seq has the same answer: one entry for them all.
    const from = Math.min(since, page.seq);
    const key = `${page.id}:${page.seq}:${from}`;
    let body = this.answers.get(key);
    if (body) this.tally.hit(body.identity.length);
    else {
      const made = new EncodedBody(await this.make(feed, page, from), FAST_BROTLI_QUALITY);
      made.onGrow = () => this.answers.reweigh(key);
      this.answers.set(key, made);
      body = made;
      this.tally.miss(made.identity.length);
    }
    return body;
  }

  /** What the two caches hold. */
  memory(): CacheMemory[] {
    return [
      { cache: 'poll_answers', bytes: this.answers.bytes, entries: this.answers.size },
      { cache: 'poll_events', bytes: this.events.bytes, entries: this.events.size },
    ];
  }

  private async make(feed: PageFeed, page: PageAt, since: number): Promise<Buffer> {
    const upto = Math.min(since + POLL_EVENTS, page.seq);
    const hit = this.cached(page, since, upto);
    const { json, last } = hit ? { json: hit, last: upto } : await this.load(feed, page, since);
    const parts: Buffer[] = [Buffer.from(`{"seq":${json.length > 0 ? last : since},"events":[`)];
    json.forEach((event, i) => parts.push(...(i > 0 ? [COMMA, event] : [event])));
    parts.push(END);
    return Buffer.concat(parts);
  }

  /** Each event's JSON for since+1 … upto, or undefined unless every one is cached. */
  private cached(page: PageAt, since: number, upto: number): Buffer[] | undefined {
    const out: Buffer[] = [];
    for (let id = since + 1; id <= upto; id++) {
      const json = this.events.get(`${page.id}:${page.seq}:${id}`);
      if (json === undefined) return undefined;
      out.push(json);
    }
    return out;
  }

  /** Reads and renders the events after `since` (the page feed's frames, or the log). */
  private async load(feed: PageFeed, page: PageAt, since: number): Promise<{ json: Buffer[]; last: number }> {
    await feed.advance(page.seq);
    const frames = since < page.seq ? (await feed.since(since)).filter((f) => f.seq <= page.seq).slice(0, POLL_EVENTS) : [];
    const json = frames.map(({ event }) => {
      const text = Buffer.from(JSON.stringify(event));
      this.events.set(`${page.id}:${page.seq}:${event.id}`, text);
      return text;
    });
    return { json, last: frames.at(-1)?.seq ?? since };
  }
}
