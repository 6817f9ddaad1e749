/**
 * The bus across server processes sharing PostgreSQL: NOTIFY after commit, LISTEN on a
 * dedicated connection that reconnects by itself. Each process hears every page change,
 * its own included, and reads the events from the log once.
 */
import pg from 'pg';
import type { BusListener, EventBus } from './bus.js';

const CHANNEL = 'livepage_events';

export class PostgresBus implements EventBus {
  private readonly listeners: BusListener[] = [];
  private client: pg.Client | undefined;
  private retry: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly pool: pg.Pool;

  private constructor(private readonly url: string) {
    this.pool = new pg.Pool({ connectionString: url, max: 2 });
    this.pool.on('error', () => {});
  }

  /** Connects the listening client before returning, so no notification is missed. */
  static async connect(url: string): Promise<PostgresBus> {
    const bus = new PostgresBus(url);
    await bus.listen();
    return bus;
  }

  publish(pageId: string, seq: number): void {
    this.pool.query('select pg_notify($1, $2)', [CHANNEL, `${pageId}:${seq}`]).catch(() => {
      // A lost notification only delays readers: the next one, or a reconnect, catches up.
    });
  }

  subscribe(listener: BusListener): void {
    this.listeners.push(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    await this.client?.end().catch(() => {});
    await this.pool.end().catch(() => {});
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (msg) => {
      const [pageId, seq] = (msg.payload ?? '').split(':');
      if (pageId && seq) for (const l of this.listeners) l(pageId, Number(seq));
    });
    // Notifications sent while we are away are lost; the hub's periodic check catches up.
    const lost = () => this.client === client && this.scheduleReconnect();
    client.on('error', lost);
    client.on('end', lost);
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.client = client;
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retry) return;
    this.client = undefined;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.listen().catch(() => this.scheduleReconnect());
    }, 500);
  }
}
