/**
 * The bus across server processes sharing PostgreSQL: NOTIFY after commit, LISTEN on a
 * dedicated connection that reconnects by itself. Each process hears every page change,
 * its own included, and reads the events from the log once.
 */
import pg from 'pg';
import type { BaseLogger } from 'pino';
import type { BusListener, EventBus } from './bus.js';

const CHANNEL = 'livepage_events';
// The payload is "page:seq"; seq -1 (DESK_SIGNAL) tells other nodes' desks, not readers.

export class PostgresBus implements EventBus {
  private readonly listeners: BusListener[] = [];
  private readonly reconnected: (() => void)[] = [];
  private client: pg.Client | undefined;
  private retry: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly pool: pg.Pool;

  private constructor(
    private readonly url: string,
    private readonly log: Pick<BaseLogger, 'error' | 'warn'>,
  ) {
    this.pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 10_000, keepAlive: true });
    this.pool.on('error', (err) => log.error({ err }, 'bus: an idle PostgreSQL connection failed (the pool reconnects)'));
    // One in use fails its NOTIFY (logged below) rather than crashing the process.
    this.pool.on('connect', (client) => client.on('error', (err) => log.error({ err }, 'bus: a PostgreSQL connection in use failed')));
  }

  /** Connects the listening client before returning, so no notification is missed. */
  static async connect(url: string, log: Pick<BaseLogger, 'error' | 'warn'>): Promise<PostgresBus> {
    const bus = new PostgresBus(url, log);
    await bus.listen();
    return bus;
  }

  publish(pageId: string, seq: number, committedAt?: number): void {
    const payload = committedAt === undefined ? `${pageId}:${seq}` : `${pageId}:${seq}:${committedAt}`;
    this.pool.query('select pg_notify($1, $2)', [CHANNEL, payload]).catch((err: unknown) => {
      // Only delays readers on other nodes: their hubs compare with the store every few seconds.
      this.log.error({ err, pageId, seq }, 'bus: NOTIFY failed');
    });
  }

  subscribe(listener: BusListener): void {
    this.listeners.push(listener);
  }

  onReconnect(listener: () => void): void {
    this.reconnected.push(listener);
  }

  /** The LISTEN connection is up (while it reconnects, other nodes' changes come only by resync). */
  listening(): boolean {
    return !this.closed && this.client !== undefined;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    await this.client?.end().catch(() => {});
    await this.pool.end().catch(() => {});
  }

  private async listen(): Promise<void> {
    // Named, so an operator (or bench/failover.mjs) finds each node's LISTEN connection in pg_stat_activity.
    const client = new pg.Client({ connectionString: this.url, application_name: `livepage-bus:${process.pid}`, connectionTimeoutMillis: 10_000, keepAlive: true });
    client.on('notification', (msg) => {
      // "page:seq:committedAt"; "page:seq" from a node of an older release (during a rolling deploy).
      const [pageId, seq, at] = (msg.payload ?? '').split(':');
      const committedAt = at && /^\d+$/.test(at) ? Number(at) : undefined;
      if (pageId && seq && /^-?\d+$/.test(seq)) for (const l of this.listeners) l(pageId, Number(seq), committedAt);
      else this.log.warn({ payload: msg.payload }, 'bus: a notification that is not "page:seq[:time]" was ignored');
    });
    // Notifications sent while we are away are lost; the hub's periodic check catches up.
    const lost = (err?: Error) => {
      if (this.client !== client || this.closed) return;
      this.log.error({ err }, 'bus: the LISTEN connection was lost; reconnecting');
      this.scheduleReconnect();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (err) {
      await client.end().catch(() => {}); // already broken: the error worth reporting is `err`
      throw err;
    }
    this.client = client;
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retry) return;
    this.client = undefined;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.listen().then(
        // Notifications sent while we were away are lost: the hub checks its pages now rather
        // than at its next periodic resync (seconds of delay for this node's readers otherwise).
        () => {
          for (const l of this.reconnected) l();
        },
        (err: unknown) => {
          this.log.error({ err }, 'bus: reconnecting LISTEN failed; trying again');
          this.scheduleReconnect();
        },
      );
    }, 500);
  }
}
