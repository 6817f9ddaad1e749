/**
 * Each live page's head (id, seq, state, zone) kept in memory for a second: what a reader
 * request needs to name the cached page it wants, without a query. Changes made through
 * this process forget them at once; the TTL bounds how late we notice writes by other
 * processes (CLI imports, other nodes), well inside the pages' own max-age.
 */
import { Lru } from '../render/lru.js';
import { pageHead } from '../store/pages.js';
import type { ReadDb } from '../store/store.js';

/** How long a head (and the brand, server/reader-brand.ts) may be taken from memory. */
export const HEAD_TTL_MS = 1000;

export type Head = NonNullable<Awaited<ReturnType<typeof pageHead>>>;

export class PageHeads {
  /** Only pages that exist are kept (a few hundred bytes each), so a count bounds it. */
  private readonly heads = new Lru<string, { head: Head; at: number }>(10_000);
  /** Bumped by every change, so a head read that raced with one is not cached. */
  private generation = 0;

  constructor(private readonly db: ReadDb) {}

  /** The head from memory when fresh, else from the store. */
  async get(slug: string): Promise<Head | undefined> {
    return this.fresh(slug) ?? (await this.fetch(slug));
  }

  /** The head from memory alone, when fresh (the fast path). */
  fresh(slug: string): Head | undefined {
    const hit = this.heads.get(slug);
    return hit && Date.now() - hit.at < HEAD_TTL_MS ? hit.head : undefined;
  }

  /** Told after a change commits in this process: the next request must see the new seq. */
  changed(): void {
    // Writes are rare next to reads: forgetting every head is simpler than indexing them.
    this.heads.clear();
    this.generation++;
  }

  private async fetch(slug: string): Promise<Head | undefined> {
    const generation = this.generation;
    const head = await pageHead(this.db, slug);
    // A read that raced with a change may be older than it: do not keep it.
    if (head && generation === this.generation) this.heads.set(slug, { head, at: Date.now() });
    return head;
  }
}
