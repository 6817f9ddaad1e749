/**
 * Open desks in this process, by page: when anything on a page changes for the newsroom
 * (a post in any status, presence, the page itself) each desk watching it is woken once
 * (changes close together are coalesced) and reads what changed from the store. The
 * wake-up comes from this process's commands or, via the bus, from any other process, so
 * the store stays the one source of what changed.
 */
export type DeskWake = () => void;

/** The bus seq that means "a desk-only change on this page" (no reader event was appended). */
export const DESK_SIGNAL = -1;

/** The bus seq that means "a site-wide setting changed" (the brand): every node drops its rendered pages. */
export const SITE_SIGNAL = -2;
/** The page id that signal carries (no page's: ids are UUIDs). */
export const SITE_SIGNAL_PAGE = 'site';

export class DeskStreams {
  private readonly watchers = new Map<string, Set<DeskWake>>();
  private readonly pending = new Set<string>();
  private readonly closers = new Set<() => void>();
  private timer: NodeJS.Timeout | undefined;
  closed = false;

  constructor(private readonly coalesceMs = 30) {}

  /** Calls `wake` after changes to `pageId`; returns the unsubscribe. */
  watch(pageId: string, wake: DeskWake, close: () => void): () => void {
    const set = this.watchers.get(pageId) ?? new Set();
    set.add(wake);
    this.watchers.set(pageId, set);
    this.closers.add(close);
    return () => {
      set.delete(wake);
      if (set.size === 0) this.watchers.delete(pageId);
      this.closers.delete(close);
    };
  }

  /** Something on `pageId` changed: its desks read it shortly. */
  changed(pageId: string): void {
    if (!this.watchers.has(pageId)) return;
    this.pending.add(pageId);
    this.timer ??= setTimeout(() => this.flush(), this.coalesceMs);
  }

  /** Ends every stream (server shutdown): desks reconnect elsewhere. */
  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    for (const close of [...this.closers]) close();
    this.watchers.clear();
  }

  private flush(): void {
    this.timer = undefined;
    const pages = [...this.pending];
    this.pending.clear();
    for (const pageId of pages) for (const wake of this.watchers.get(pageId) ?? []) wake();
  }
}
