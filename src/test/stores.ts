/**
 * Store tests run against every store: SQLite always, PostgreSQL when
 * LIVEPAGE_TEST_DATABASE_URL points at a server (and must, when LIVEPAGE_REQUIRE_POSTGRES=1).
 * Each test store is a fresh database, so tests never see each other's rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { openStore, type Store } from '../store/store.js';

export type StoreKind = 'sqlite' | 'postgres';

const pgAdminUrl = process.env.LIVEPAGE_TEST_DATABASE_URL;
const pgRequired = process.env.LIVEPAGE_REQUIRE_POSTGRES === '1';

/** The store kinds this run tests. */
export function storeKinds(): StoreKind[] {
  if (pgRequired && !pgAdminUrl) throw new Error('LIVEPAGE_REQUIRE_POSTGRES=1 but LIVEPAGE_TEST_DATABASE_URL is not set');
  return pgAdminUrl ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** `describe` once per store kind, with the kind's name in the title. */
export function describeEachStore(name: string, fn: (kind: StoreKind) => void): void {
  if (!pgAdminUrl && !pgRequired) describe.skip(`${name} [postgres: LIVEPAGE_TEST_DATABASE_URL not set]`, () => {});
  for (const kind of storeKinds()) describe(`${name} [${kind}]`, () => fn(kind));
}

export interface TestStore {
  store: Store;
  databaseUrl: string | undefined;
  dataDir: string;
  dispose(): Promise<void>;
}

/** A fresh, migrated, empty store of `kind`. */
export async function openTestStore(kind: StoreKind): Promise<TestStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'livepage-test-'));
  const databaseUrl = kind === 'postgres' ? await createDatabase() : undefined;
  const store = await openStore({ dataDir, databaseUrl });
  return {
    store,
    databaseUrl,
    dataDir,
    async dispose() {
      await store.close();
      if (databaseUrl) await dropDatabase(databaseUrl);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A store that `livepage` processes open themselves: its data directory and the environment pointing at it. */
export interface ProcessStore {
  dataDir: string;
  env: Record<string, string>;
  dispose(): Promise<void>;
}

/** A fresh store of `kind`, closed at once so that the processes started on `env` are its only users. */
export async function openStoreForProcesses(kind: StoreKind): Promise<ProcessStore> {
  const t = await openTestStore(kind);
  await t.store.close();
  t.store.close = async () => {}; // closed already: dispose only drops the database and the directory
  return { dataDir: t.dataDir, env: { LIVEPAGE_DATA_DIR: t.dataDir, DATABASE_URL: t.databaseUrl ?? '' }, dispose: t.dispose };
}

/**
 * `openStoreForProcesses` for the enclosing `describe`, removed after its tests. The fields
 * are filled in before the first test runs (read them inside tests, not at collection).
 */
export function storeForProcesses(kind: StoreKind): Omit<ProcessStore, 'dispose'> {
  const shared = { dataDir: '', env: {} as Record<string, string> };
  let opened: ProcessStore | undefined;
  beforeAll(async () => {
    opened = await openStoreForProcesses(kind);
    Object.assign(shared, { dataDir: opened.dataDir, env: opened.env });
  });
  afterAll(() => opened?.dispose());
  return shared;
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: pgAdminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new, empty PostgreSQL database on the test server (openTestStore's; a restore's target). */
export async function createDatabase(): Promise<string> {
  const name = `livepage_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(pgAdminUrl!);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
