/** `livepage backup FILE` and `livepage restore FILE` (SPEC §3): the SQLite store, online. */
import { mkdirSync } from 'node:fs';
import { loadConfig } from '../server/config.js';
import { backupSqlite, restoreSqlite } from '../store/backup.js';
import { parseCommand, UsageError } from './args.js';
import type { Output } from './output.js';

const BACKUP_HELP = `Usage: livepage backup FILE

Writes a consistent copy of the SQLite store (LIVEPAGE_DATA_DIR), pictures included, to
FILE while servers keep running. On a terminal, progress is shown on stderr; --json
prints {file, dataDir, bytes}. With DATABASE_URL (PostgreSQL) use pg_dump instead
(docs/operations.md).`;

const RESTORE_HELP = `Usage: livepage restore FILE [--force]

Makes the backup FILE the SQLite store of LIVEPAGE_DATA_DIR. An existing database is
replaced only with --force, with every server stopped. Picture sizes are rebuilt when
first asked for. On a terminal, progress is shown on stderr; --json prints
{file, dataDir, pages, posts}.`;

export async function backupCommand(argv: string[], out: Output): Promise<void> {
  const { values, positionals } = parseCommand(argv, {}, 1);
  if (values.help) return void console.log(BACKUP_HELP);
  const file = positionals[0];
  if (!file) throw new UsageError('FILE is required.');
  const config = sqliteOnly('backup');
  const { bytes } = await backupSqlite(config.dataDir, file, (done, total) => out.progress('Backing up database pages', done, total));
  out.result(`Backed up ${config.dataDir} to ${file} (${Math.ceil(bytes / 1024)} KiB).`, { file, dataDir: config.dataDir, bytes });
}

export async function restoreCommand(argv: string[], out: Output): Promise<void> {
  const { values, positionals } = parseCommand(argv, { force: { type: 'boolean' } }, 1);
  if (values.help) return void console.log(RESTORE_HELP);
  const file = positionals[0];
  if (!file) throw new UsageError('FILE is required.');
  const config = sqliteOnly('restore');
  mkdirSync(config.dataDir, { recursive: true });
  const { pages, posts } = await restoreSqlite(file, config.dataDir, values.force === true, (done, total) => out.progress('Restoring database pages', done, total));
  out.result(`Restored ${file} into ${config.dataDir}: ${pages} pages, ${posts} posts.`, { file, dataDir: config.dataDir, pages, posts });
}

function sqliteOnly(command: string) {
  const config = loadConfig();
  if (config.databaseUrl) throw new Error(`${command} copies the SQLite store; with PostgreSQL use pg_dump/pg_restore (docs/operations.md).`);
  return config;
}
