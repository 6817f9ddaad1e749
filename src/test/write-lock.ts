/**
 * Another process holding the store's write lock, as a second worker or `livepage import`
 * does: on SQLite a second connection in BEGIN IMMEDIATE; on PostgreSQL a transaction
 * holding every table in SHARE mode (reads go on, every INSERT/UPDATE/DELETE waits).
 */
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { TestStore } from './stores.js';

export interface HeldLock {
  /** When the lock was taken (ms since the epoch). */
  heldAt: number;
  /** Settles with the moment the lock was let go. */
  released: Promise<number>;
}

/** Takes the write lock now and lets it go `ms` later. */
export async function holdWriteLock(test: TestStore, ms: number): Promise<HeldLock> {
  return test.databaseUrl ? holdPostgres(test.databaseUrl, ms) : holdSqlite(join(test.dataDir, 'livepage.db'), ms);
}

function holdSqlite(file: string, ms: number): HeldLock {
  const db = new SQLite(file);
  db.exec('BEGIN IMMEDIATE');
  const heldAt = Date.now();
  const released = new Promise<number>((resolve) =>
    setTimeout(() => {
      db.exec('COMMIT');
      db.close();
      resolve(Date.now());
    }, ms),
  );
  return { heldAt, released };
}

async function holdPostgres(url: string, ms: number): Promise<HeldLock> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {}); // a test that failed early may drop the database under it
  await client.connect();
  const { rows } = await client.query<{ name: string }>(`select quote_ident(tablename) as name from pg_tables where schemaname = 'public'`);
  await client.query('begin');
  await client.query(`lock table ${rows.map((r) => r.name).join(', ')} in share mode`);
  const heldAt = Date.now();
  const released = new Promise<number>((resolve, reject) =>
    setTimeout(() => {
      client
        .query('commit')
        .then(() => client.end())
        .then(() => resolve(Date.now()), reject);
    }, ms),
  );
  return { heldAt, released };
}
