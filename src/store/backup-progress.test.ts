/**
 * Issue 15.5: a SQLite backup reports its progress in steps (the CLI draws them on a
 * terminal), and a write from another connection between steps, which makes SQLite restart
 * the copy, cannot keep it restarting for ever: the rest is copied in one step.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { backupSqlite, sqliteFile } from './backup.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A data directory whose database is some 8 MB (2 000 pages of 4 KiB). */
function bigDatabase(): { dataDir: string; db: SQLite.Database } {
  const dataDir = mkdtempSync(join(tmpdir(), 'livepage-backup-progress-'));
  dirs.push(dataDir);
  const db = new SQLite(sqliteFile(dataDir));
  db.pragma('journal_mode = WAL');
  db.exec('create table filler (id integer primary key, data blob)');
  const insert = db.prepare('insert into filler (data) values (?)');
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run(Buffer.alloc(3500, i % 256));
  })();
  return { dataDir, db };
}

it('reports progress in steps, ending at every page', async () => {
  const { dataDir, db } = bigDatabase();
  const seen: [number, number][] = [];
  const { bytes } = await backupSqlite(dataDir, join(dataDir, 'copy.db'), (done, total) => seen.push([done, total]));
  db.close();
  expect(seen.length).toBeGreaterThan(3); // steps, not one jump
  const [lastDone, total] = seen.at(-1)!;
  expect(lastDone).toBe(total);
  expect(bytes).toBe(total * 4096);
  for (let i = 1; i < seen.length; i++) expect(seen[i]![0]).toBeGreaterThanOrEqual(seen[i - 1]![0]);
});

it('finishes while another connection writes between every step, with every row written before it began', async () => {
  const { dataDir, db } = bigDatabase();
  const write = db.prepare('insert into filler (data) values (?)');
  let steps = 0;
  const copy = join(dataDir, 'copy.db');
  await backupSqlite(dataDir, copy, () => {
    steps++;
    write.run(Buffer.alloc(100)); // restarts the copy at its next step
  });
  db.close();
  expect(steps).toBeLessThan(50); // it ended, without stepping through a restart after each write
  const copied = new SQLite(copy, { readonly: true });
  const rows = (copied.prepare('select count(*) as n from filler').get() as { n: number }).n;
  copied.close();
  expect(rows).toBeGreaterThanOrEqual(2000);
});
