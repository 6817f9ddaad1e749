/**
 * The event bus: "page P is at seq N". Commands publish after their transaction commits;
 * every server process listens and reads the new events from the store once. In one
 * process the bus is memory; across processes it is node:cluster IPC or PostgreSQL
 * LISTEN/NOTIFY — the payload is only the page id and seq, the store holds the rest, and
 * when the commit happened (ms since the epoch), so the fan-out latency can be measured
 * where the readers are (`livepage_fanout_seconds`; across machines, as good as their clocks).
 */
export type BusListener = (pageId: string, seq: number, committedAt?: number) => void;

export interface EventBus {
  publish(pageId: string, seq: number, committedAt?: number): void;
  subscribe(listener: BusListener): void;
  /** Whether changes from other processes reach this one now (readiness checks). */
  listening(): boolean;
  /**
   * Called each time the bus listens again after losing its connection: what was announced
   * meanwhile is lost, so the listener compares its pages with the store at once.
   */
  onReconnect?(listener: () => void): void;
  close(): Promise<void>;
}

/** One process: publishing is delivering. */
export class MemoryBus implements EventBus {
  private readonly listeners: BusListener[] = [];
  private closed = false;

  publish(pageId: string, seq: number, committedAt?: number): void {
    for (const l of this.listeners) l(pageId, seq, committedAt);
  }

  subscribe(listener: BusListener): void {
    this.listeners.push(listener);
  }

  listening(): boolean {
    return !this.closed;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.length = 0;
  }
}
