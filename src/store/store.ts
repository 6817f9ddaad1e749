/**
 * Opening a store: embedded SQLite (better-sqlite3, WAL) by default, PostgreSQL when a
 * `postgres://` URL is given. This file is the seam: nothing outside `store/` knows
 * which one it talks to.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, sql, SqliteDialect, type Migration } from 'kysely';
import pg from 'pg';
import * as m001 from './migrations/001-initial.js';
import * as m002 from './migrations/002-sessions-and-schedule.js';
import * as m003 from './migrations/003-activity.js';
import * as m004 from './migrations/004-webhooks.js';
import * as m005 from './migrations/005-sign-in-limits-and-idempotency.js';
import * as m006 from './migrations/006-media.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

export interface Store {
  db: Db;
  kind: 'sqlite' | 'postgres';
  /**
   * Runs `fn` in a write transaction. Commands lock the rows they change (see
   * `lockPage`); on SQLite the transaction takes the write lock at BEGIN, so a writer in
   * another process makes it wait (busy timeout) instead of failing half-way.
   */
  write<T>(fn: (trx: Db) => Promise<T>): Promise<T>;
  /** Runs reads in one consistent snapshot, so a page and its posts agree. */
  read<T>(fn: (trx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** `postgres://…` selects PostgreSQL; otherwise SQLite in `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir: string;
}

const migrations: Record<string, Migration> = {
  '001-initial': m001,
  '002-sessions-and-schedule': m002,
  '003-activity': m003,
  '004-webhooks': m004,
  '005-sign-in-limits-and-idempotency': m005,
  '006-media': m006,
};

/** Opens the store and brings its schema up to date. */
export async function openStore(opts: StoreOptions): Promise<Store> {
  const store = opts.databaseUrl && /^postgres(ql)?:\/\//.test(opts.databaseUrl)
    ? openPostgres(opts.databaseUrl)
    : openSqlite(opts.dataDir);
  try {
    await migrate(store.db);
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}

function openSqlite(dataDir: string): Store {
  const file = dataDir === ':memory:' ? ':memory:' : join(mkdirp(dataDir), 'livepage.db');
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL'); // durable across process crashes; WAL makes it fast
  database.pragma('foreign_keys = ON');
  // better-sqlite3 waits for a lock synchronously, freezing the event loop: wait only a
  // moment here, and longer in `retryWhileBusy`, asynchronously.
  database.pragma('busy_timeout = 20');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return {
    db,
    kind: 'sqlite',
    write: (fn) => retryWhileBusy(() => db.connection().execute((conn) => immediateTransaction(conn, fn))),
    read: (fn) => db.transaction().execute(fn),
    close: () => db.destroy(),
  };
}

function openPostgres(url: string): Store {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client's error (server restart) must not crash the process; the pool reconnects.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    write: (fn) => db.transaction().execute(fn),
    read: (fn) => db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(fn),
    close: () => db.destroy(),
  };
}

/**
 * kysely's transactions BEGIN DEFERRED; IMMEDIATE takes the write lock up front, so a
 * transaction never fails half-way because another process wrote first.
 */
async function immediateTransaction<T>(conn: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  await sql`begin immediate`.execute(conn);
  try {
    const result = await fn(conn);
    await sql`commit`.execute(conn);
    return result;
  } catch (err) {
    await sql`rollback`.execute(conn).catch(() => {}); // keep the original error
    throw err;
  }
}

/** How long a write waits for another process (a CLI import, another worker) to finish. */
const BUSY_WAIT_MS = 5000;

/** Retries a whole SQLite transaction while another process holds the write lock. */
async function retryWhileBusy<T>(run: () => Promise<T>): Promise<T> {
  const started = Date.now();
  for (let delay = 5; ; delay = Math.min(delay * 2, 100)) {
    try {
      return await run();
    } catch (err) {
      const busy = (err as { code?: string }).code?.startsWith('SQLITE_BUSY');
      if (!busy || Date.now() - started > BUSY_WAIT_MS) throw err;
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

async function migrate(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}

function mkdirp(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}
