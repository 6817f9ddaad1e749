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
import { pino, type BaseLogger } from 'pino';
import * as m001 from './migrations/001-initial.js';
import * as m002 from './migrations/002-sessions-and-schedule.js';
import * as m003 from './migrations/003-activity.js';
import * as m004 from './migrations/004-webhooks.js';
import * as m005 from './migrations/005-sign-in-limits-and-idempotency.js';
import * as m006 from './migrations/006-media.js';
import * as m007 from './migrations/007-desk.js';
import * as m008 from './migrations/008-media-imports.js';
import * as m009 from './migrations/009-embeds.js';
import * as m010 from './migrations/010-brand.js';
import type { Database } from './schema.js';

/**
 * A handle that can only read: SELECTs build from it, nothing else. Repository functions
 * that only read take this; a `WriteDb` fits too.
 */
export type ReadDb = Pick<Kysely<Database>, 'selectFrom'>;

/**
 * The write transaction's handle, given only inside `Store.write`: a function that changes
 * rows takes this, so a write outside the one door does not compile.
 */
export type WriteDb = Kysely<Database>;

export interface Store {
  /** Reads outside a transaction (each query sees the latest commit). It cannot write. */
  db: ReadDb;
  kind: 'sqlite' | 'postgres';
  /**
   * Runs `fn` in a write transaction: the only way to change rows. Commands lock the rows
   * they change (see `lockPage`); on SQLite the transaction takes the write lock at BEGIN
   * and is retried while another process holds it, so a writer elsewhere (another worker,
   * `livepage import`) makes it wait instead of failing. Inside `fn` use its handle only:
   * on SQLite `db` waits for the same single connection.
   */
  write<T>(fn: (trx: WriteDb) => Promise<T>): Promise<T>;
  /** Runs reads in one consistent snapshot, so a page and its posts agree. */
  read<T>(fn: (trx: ReadDb) => Promise<T>): Promise<T>;
  /** Asks the database the cheapest question (readiness checks); rejects if it cannot answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** `postgres://…` selects PostgreSQL; otherwise SQLite in `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Where errors no caller sees are reported (a pooled connection lost while idle). */
  log?: Pick<BaseLogger, 'error'>;
}

const migrations: Record<string, Migration> = {
  '001-initial': m001,
  '002-sessions-and-schedule': m002,
  '003-activity': m003,
  '004-webhooks': m004,
  '005-sign-in-limits-and-idempotency': m005,
  '006-media': m006,
  '007-desk': m007,
  '008-media-imports': m008,
  '009-embeds': m009,
  '010-brand': m010,
};

/** Opens the store and brings its schema up to date. */
export async function openStore(opts: StoreOptions): Promise<Store> {
  const { store, kysely } = opts.databaseUrl && /^postgres(ql)?:\/\//.test(opts.databaseUrl)
    ? openPostgres(opts.databaseUrl, opts.log ?? pino())
    : openSqlite(opts.dataDir);
  try {
    await migrate(kysely); // migrations alone use the raw handle
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}

/** A store and, for migrations only, its unrestricted Kysely. */
interface Opened {
  store: Store;
  kysely: Kysely<Database>;
}

function openSqlite(dataDir: string): Opened {
  const file = dataDir === ':memory:' ? ':memory:' : join(mkdirp(dataDir), 'livepage.db');
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL'); // durable across process crashes; WAL makes it fast
  database.pragma('foreign_keys = ON');
  // better-sqlite3 waits for a lock synchronously, freezing the event loop: reads wait only
  // a moment here; BEGIN IMMEDIATE does not wait at all (see `beginImmediate`).
  database.pragma(`busy_timeout = ${READ_BUSY_TIMEOUT_MS}`);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  const store: Store = {
    db,
    kind: 'sqlite',
    write: (fn) => retryWhileBusy(() => db.connection().execute((conn) => immediateTransaction(conn, fn, database))),
    read: (fn) => db.transaction().execute(fn),
    ping: async () => void (await sql`select 1`.execute(db)),
    close: () => db.destroy(),
  };
  return { store, kysely: db };
}

/**
 * PostgreSQL's write transactions. Many run at once there, so one that relies on a row it
 * read (a foreign key it is about to insert) must lock it; SQLite's single writer needs not.
 */
const concurrentWriters = new WeakSet<WriteDb>();

/** Whether reads in `db` must lock the rows they rely on (see `concurrentWriters`). */
export const locksRows = (db: WriteDb): boolean => concurrentWriters.has(db);

function openPostgres(url: string, log: Pick<BaseLogger, 'error'>): Opened {
  // A connection attempt that hangs (PostgreSQL restarting) fails after 10 s instead of holding
  // a request, or start-up, for ever; keep-alive finds a peer that vanished without a FIN.
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000, keepAlive: true });
  // An idle client's error (server restart) must not crash the process; the pool reconnects.
  pool.on('error', (err) => log.error({ err }, 'store: an idle PostgreSQL connection failed (the pool reconnects)'));
  // …and a checked-out one between two statements (a server restart or pg_terminate_backend
  // mid-transaction): unhandled, that 'error' event killed the process. The statement in
  // hand fails instead, and the pool drops the broken connection when it is released.
  pool.on('connect', (client) => client.on('error', (err) => log.error({ err }, 'store: a PostgreSQL connection in use failed')));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const store: Store = {
    db,
    kind: 'postgres',
    write: (fn) => db.transaction().execute((trx) => (concurrentWriters.add(trx), fn(trx))),
    read: (fn) => db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(fn),
    ping: async () => void (await sql`select 1`.execute(db)),
    close: () => db.destroy(),
  };
  return { store, kysely: db };
}

/**
 * kysely's transactions BEGIN DEFERRED; IMMEDIATE takes the write lock up front, so a
 * transaction never fails half-way because another process wrote first.
 */
async function immediateTransaction<T>(conn: WriteDb, fn: (trx: WriteDb) => Promise<T>, database: SQLite.Database): Promise<T> {
  await beginImmediate(conn, database);
  try {
    const result = await fn(conn);
    await sql`commit`.execute(conn);
    return result;
  } catch (err) {
    await sql`rollback`.execute(conn).catch(() => {}); // keep the original error
    throw err;
  }
}

/** How long a read may wait, freezing the event loop, for a lock SQLite takes only for a moment. */
const READ_BUSY_TIMEOUT_MS = 20;

/**
 * BEGIN IMMEDIATE without the busy handler: while another process holds the write lock it
 * fails at once and `retryWhileBusy` waits asynchronously. With the handler, every waiting
 * writer froze the event loop for its timeout on each try, one after another, and readers
 * and live streams stalled until the lock was let go. The connection is this write's alone
 * (kysely's single SQLite connection is held), so the switch affects nothing else.
 */
async function beginImmediate(conn: WriteDb, database: SQLite.Database): Promise<void> {
  database.pragma('busy_timeout = 0');
  try {
    await sql`begin immediate`.execute(conn);
  } finally {
    database.pragma(`busy_timeout = ${READ_BUSY_TIMEOUT_MS}`);
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

async function migrate(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}

function mkdirp(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}
