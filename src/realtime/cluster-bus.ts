/**
 * The bus between node:cluster workers on one machine (the SQLite store): a worker tells
 * the primary, the primary tells every worker, the sender included.
 */
import type { Cluster } from 'node:cluster';
import type { BaseLogger } from 'pino';
import type { BusListener, EventBus } from './bus.js';

interface BusMessage {
  livepage: 'event';
  pageId: string;
  seq: number;
  committedAt?: number | undefined;
}

const isBusMessage = (m: unknown): m is BusMessage =>
  typeof m === 'object' && m !== null && (m as BusMessage).livepage === 'event';

/** In the primary: relays every worker's events to all workers. */
export function relayEvents(cluster: Cluster): void {
  cluster.on('message', (_worker, message) => {
    if (!isBusMessage(message)) return;
    for (const w of Object.values(cluster.workers ?? {})) if (w?.isConnected()) w.send(message);
  });
}

/** In a worker. */
export class ClusterBus implements EventBus {
  private readonly listeners: BusListener[] = [];
  private readonly onMessage = (m: unknown) => {
    if (isBusMessage(m)) for (const l of this.listeners) l(m.pageId, m.seq, m.committedAt);
  };

  constructor(private readonly log: Pick<BaseLogger, 'error'>) {
    process.on('message', this.onMessage);
  }

  publish(pageId: string, seq: number, committedAt?: number): void {
    // A lost message only delays the other workers' readers: their hubs resync within seconds.
    const lost = (err: Error | null) => err && this.log.error({ err, pageId, seq }, 'bus: telling the other workers failed');
    try {
      process.send?.({ livepage: 'event', pageId, seq, committedAt } satisfies BusMessage, undefined, {}, lost);
    } catch (err) {
      lost(err as Error); // the channel to the primary is closed (the process is stopping)
    }
  }

  subscribe(listener: BusListener): void {
    this.listeners.push(listener);
  }

  private closed = false;

  /** The IPC channel to the primary is open. */
  listening(): boolean {
    return !this.closed && process.connected === true;
  }

  async close(): Promise<void> {
    this.closed = true;
    process.off('message', this.onMessage);
  }
}
