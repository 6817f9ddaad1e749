/** A test store the CLI processes of a suite open themselves (the test keeps it closed). */
import { afterAll, beforeAll } from 'vitest';
import { openTestStore, type StoreKind, type TestStore } from './stores.js';

export interface CliStore {
  /** The environment that points `livepage` at the store. */
  readonly env: Record<string, string>;
  readonly dataDir: string;
}

/** Opens a fresh store before the suite's tests (closed: the CLI opens it) and disposes of it after. */
export function storeForCli(kind: StoreKind): CliStore {
  let t: TestStore | undefined;
  beforeAll(async () => {
    t = await openTestStore(kind);
    await t.store.close();
  });
  afterAll(async () => {
    if (!t) return;
    t.store.close = async () => {};
    await t.dispose();
  });
  return {
    get env() {
      return { LIVEPAGE_DATA_DIR: t!.dataDir, DATABASE_URL: t!.databaseUrl ?? '' };
    },
    get dataDir() {
      return t!.dataDir;
    },
  };
}
