/**
 * Backups of the SQLite store: an online, consistent copy taken with SQLite's backup API
 * while servers keep writing (each step copies pages; a write in between makes SQLite
 * restart the copy, so the file is one committed state). Media originals live in the
 * database, so the copy has them; derivatives are a cache rebuilt on demand. PostgreSQL is
 * backed up with its own tools (docs/operations.md).
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';

/** The database file in a data directory (as store.ts opens it). */
export const sqliteFile = (dataDir: string) => join(dataDir, 'livepage.db');

/** How far a copy has come, in database pages (a restarted copy starts again from 0). */
export type CopyProgress = (done: number, total: number) => void;

/**
 * Steps of about 1% of the database (at least this many pages), so a terminal can show the
 * copy moving; a copy restarted by a write in between finishes in one step (see below).
 */
const MIN_STEP_PAGES = 256;

/**
 * better-sqlite3's backup step callback: reports progress and sizes the next step. A write
 * from another connection between steps restarts the copy (the pages left stop shrinking);
 * then the rest goes in one step, which reads one snapshot while writers go on in WAL mode:
 * stepping on would let a busy newsroom restart it for ever.
 */
function stepper(onProgress: CopyProgress): (info: { totalPages: number; remainingPages: number }) => number {
  let left = Infinity;
  let oneGo = false;
  return ({ totalPages, remainingPages }) => {
    if (remainingPages >= left) oneGo = true;
    left = remainingPages;
    onProgress(totalPages - remainingPages, totalPages);
    return oneGo ? totalPages : Math.max(MIN_STEP_PAGES, Math.ceil(totalPages / 100));
  };
}

/** Copies the data directory's database to `file` (written beside it, then renamed into place). */
export async function backupSqlite(dataDir: string, file: string, onProgress: CopyProgress = () => {}): Promise<{ bytes: number }> {
  const source = sqliteFile(dataDir);
  if (!existsSync(source)) throw new Error(`there is no livepage database in ${dataDir}.`);
  const db = new SQLite(source, { fileMustExist: true });
  const partial = `${file}.partial`;
  try {
    db.pragma('busy_timeout = 5000');
    const { totalPages } = await db.backup(partial, { progress: stepper(onProgress) });
    onProgress(totalPages, totalPages);
    renameSync(partial, file);
    return { bytes: totalPages * (db.pragma('page_size', { simple: true }) as number) };
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  } finally {
    db.close();
  }
}

/**
 * Brings a backup back as the data directory's database. It is checked first (a SQLite
 * file with livepage's tables, intact); an existing database is replaced only with
 * `force`, and only while no server uses it.
 */
export async function restoreSqlite(file: string, dataDir: string, force: boolean, onProgress: CopyProgress = () => {}): Promise<{ pages: number; posts: number }> {
  if (!existsSync(file)) throw new Error(`cannot read ${file}: no such file`);
  const target = sqliteFile(dataDir);
  if (existsSync(target) && !force) throw new Error(`${target} exists: stop the server and add --force to replace it.`);
  const backup = openBackup(file);
  try {
    const counts = {
      pages: (backup.prepare('select count(*) as n from pages').get() as { n: number }).n,
      posts: (backup.prepare('select count(*) as n from posts').get() as { n: number }).n,
    };
    const partial = `${target}.restoring`;
    rmSync(partial, { force: true });
    const { totalPages } = await backup.backup(partial, { progress: stepper(onProgress) });
    onProgress(totalPages, totalPages);
    for (const f of [`${target}-wal`, `${target}-shm`]) rmSync(f, { force: true }); // the old database's journal
    renameSync(partial, target);
    return counts;
  } finally {
    backup.close();
  }
}

function openBackup(file: string): SQLite.Database {
  let db: SQLite.Database | undefined;
  try {
    db = new SQLite(file, { readonly: true, fileMustExist: true });
    const ok = db.pragma('quick_check', { simple: true });
    if (ok !== 'ok') throw new Error(String(ok));
    db.prepare('select 1 from pages, posts, events limit 1').all();
    return db;
  } catch (err) {
    db?.close();
    throw new Error(`${file} is not a livepage backup (${(err as Error).message}).`);
  }
}
