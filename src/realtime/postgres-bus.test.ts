/**
 * The PostgreSQL bus against a real server: what goes wrong is logged (a lost LISTEN
 * connection, a payload that is not "page:seq"), and it keeps delivering after a reconnect.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, storeKinds, type TestStore } from '../test/stores.js';
import { PostgresBus } from './postgres-bus.js';

describe.skipIf(!storeKinds().includes('postgres'))('PostgresBus', () => {
  let t: TestStore;
  let bus: PostgresBus;
  let reconnects = 0;
  const logged: Record<string, unknown>[] = [];
  const heard: [string, number][] = [];
  beforeAll(async () => {
    t = await openTestStore('postgres');
    bus = await PostgresBus.connect(t.databaseUrl!, pino({ level: 'warn' }, { write: (line: string) => void logged.push(JSON.parse(line)) }));
    bus.subscribe((pageId, seq) => heard.push([pageId, seq]));
    bus.onReconnect(() => reconnects++);
  });
  afterAll(async () => {
    await bus?.close();
    await t?.dispose();
  });

  const notify = async (payload: string) => {
    const c = new pg.Client({ connectionString: t.databaseUrl });
    await c.connect();
    try {
      await c.query(`select pg_notify('livepage_events', $1)`, [payload]);
    } finally {
      await c.end();
    }
  };

  it('logs a payload that is not "page:seq" and ignores it', async () => {
    await notify('nonsense');
    await notify('p1:1');
    await expect.poll(() => heard).toEqual([['p1', 1]]);
    expect(logged).toContainEqual(expect.objectContaining({ level: 40, payload: 'nonsense' }));
  });

  it('carries the desks\' signal (seq -1) to other nodes', async () => {
    // It was dropped as "not page:seq", so a desk open on another node never heard of an edit.
    await notify('p1:-1');
    await expect.poll(() => heard).toContainEqual(['p1', -1]);
  });

  it('names its LISTEN connection after the process, for operators', async () => {
    const name = `livepage-bus:${process.pid}`;
    const rows = await t.store.write((db) => sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where application_name = ${name}`.execute(db));
    expect(rows.rows[0]!.n).toBe(1);
  });

  it('logs a lost LISTEN connection, reconnects, and delivers again', async () => {
    // Ends every other session on this database: the bus's LISTEN connection among them.
    await t.store.write((db) => sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`.execute(db));
    await expect.poll(() => logged.some((l) => l.level === 50 && /LISTEN connection was lost/.test(String(l.msg))), { timeout: 5000 }).toBe(true);
    // Until it is back, notifications are lost (the hubs' resync covers them): send until one lands.
    await expect
      .poll(async () => {
        await notify('p2:7');
        return heard.some(([p]) => p === 'p2');
      }, { timeout: 10_000, interval: 300 })
      .toBe(true);
    // The hub is told, so it compares its pages with the store at once (app.ts).
    expect(reconnects).toBe(1);
  });
});
