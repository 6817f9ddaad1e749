/**
 * What every command needs: the store, a clock, the outbox (what an appended event also
 * writes in its transaction) and where to announce committed events.
 */
import { uuidv7 } from 'uuidv7';
import type { EventData, EventType } from '../domain/event.js';
import { appendEvent } from '../store/events.js';
import type { Store, WriteDb } from '../store/store.js';

export interface CommandContext {
  store: Store;
  /** Canonical base URL of the site, e.g. https://live.example.org (no trailing slash). */
  publicUrl: string;
  now(): Date;
  /**
   * The outbox: side effects an appended event needs (webhook deliveries, purge requests),
   * written in the event's own transaction so a crash loses none. The app registers them;
   * commands do not know the workers that send them.
   */
  outbox?: readonly OutboxWriter[];
  /**
   * Called after a transaction that appended events commits: "page P is at seq N", with how
   * many events it appended to P and when it committed (ms since the epoch).
   */
  onEvent?(pageId: string, seq: number, events: number, committedAt: number): void;
  /** Called after a site-wide setting (the brand) commits: every node's cached pages are stale. */
  onSiteChange?(): void;
  /** Called after a change only the newsroom sees (a draft saved, presence) commits: open desks reread. */
  onDeskChange?(pageId: string): void;
}

/** A transaction in progress: its connection, its timestamp and its event writer. */
export interface Tx {
  db: WriteDb;
  /** One timestamp for everything the transaction writes. */
  now: string;
  /** Appends a page event with the page's next seq; returns the seq. */
  append(pageId: string, type: EventType, data: EventData): Promise<number>;
  /** Marks a page's desk as changed (a post in any status): open desks reread after commit. */
  touch(pageId: string): void;
}

/** Called once per transaction: returns what to write for each event it appends. */
export type OutboxWriter = (db: WriteDb, now: string, options: TransactionOptions) => (pageId: string, seq: number, type: EventType, data: EventData) => Promise<void>;

/** App-generated, time-ordered ids. */
export const newId = (): string => uuidv7();

export interface TransactionOptions {
  /**
   * Queue the events for webhooks (default true). An import replays a page's history: that
   * is not news for receivers (a 2,000-post archive would be 2,000 "new post" calls); the
   * CDN purge hook is still told.
   */
  webhooks?: boolean;
}

/** Runs `fn` in one transaction; once it commits, announces each touched page's new seq. */
export async function inTransaction<T>(ctx: CommandContext, fn: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const appended = new Map<string, { seq: number; events: number }>();
  const touched = new Set<string>();
  const now = ctx.now().toISOString();
  const result = await ctx.store.write((trx) => {
    const outbox = (ctx.outbox ?? []).map((writer) => writer(trx, now, options));
    return fn({
      db: trx,
      now,
      append: async (pageId, type, data) => {
        const seq = await appendEvent(trx, pageId, type, data, now);
        for (const write of outbox) await write(pageId, seq, type, data); // durable with the event
        appended.set(pageId, { seq, events: (appended.get(pageId)?.events ?? 0) + 1 });
        return seq;
      },
      touch: (pageId) => void touched.add(pageId),
    });
  });
  const committedAt = Date.now();
  for (const [pageId, { seq, events }] of appended) ctx.onEvent?.(pageId, seq, events, committedAt);
  // A page event wakes its desks too; the rest need their own word.
  for (const pageId of touched) if (!appended.has(pageId)) ctx.onDeskChange?.(pageId);
  return result;
}

/** The public URL of a live page. */
export const pageUrl = (ctx: Pick<CommandContext, 'publicUrl'>, slug: string): string => `${ctx.publicUrl}/live/${slug}`;
