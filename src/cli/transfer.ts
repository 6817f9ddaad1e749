/** `livepage import FILE` and `livepage export SLUG` (SPEC §3): whole pages as JSON. */
import { readFile } from 'node:fs/promises';
import { pageUrl } from '../commands/context.js';
import { exportPage } from '../commands/exportPage.js';
import { importPage } from '../commands/importPage.js';
import { exportDocumentSchema } from '../domain/export.js';
import { parse } from '../server/validate.js';
import { parseCommand, readStdin, UsageError } from './args.js';
import { withStore } from './runtime.js';
import type { Output } from './output.js';
import { pageJson } from '../domain/api-json.js';

const IMPORT_HELP = `Usage: livepage import FILE

Creates a page with all its posts from a JSON export ("-" reads standard input).
Nothing is written unless the whole file is valid. On a terminal, progress is shown on
stderr; --json prints {page, posts, media, url}.`;

export async function importCommand(argv: string[], out: Output): Promise<void> {
  const { values, positionals } = parseCommand(argv, {}, 1);
  if (values.help) return void console.log(IMPORT_HELP);
  const file = positionals[0];
  if (!file) throw new UsageError('FILE is required.');
  const text = await (file === '-' ? readStdin() : readFile(file, 'utf8')).catch((e: NodeJS.ErrnoException) => {
    throw new Error(`cannot read ${file}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${file} is not valid JSON.`);
  }
  const doc = parse(exportDocumentSchema, json);
  const { page, posts, media, url, publicUrl } = await withStore(async (_s, ctx) => {
    const result = await importPage(ctx, doc, null, (what, done, total) => out.progress(`Importing ${what}`, done, total));
    return { ...result, url: pageUrl(ctx, result.page.slug), publicUrl: ctx.publicUrl };
  });
  out.result(`Imported "${page.title}" with ${posts} posts${media ? ` and ${media} pictures` : ''}: ${url}`, { page: pageJson(page, publicUrl), posts, media, url });
}

const EXPORT_HELP = `Usage: livepage export SLUG

Prints the page with all its posts (every status) as JSON, for backups and moving
between installations; "livepage import" reads it back. The output is JSON with or
without --json; on a terminal, progress is shown on stderr.`;

export async function exportCommand(argv: string[], out: Output): Promise<void> {
  const { values, positionals } = parseCommand(argv, {}, 1);
  if (values.help) return void console.log(EXPORT_HELP);
  const slug = positionals[0];
  if (!slug) throw new UsageError('SLUG is required.');
  const doc = await withStore((store) => exportPage(store.db, slug, (what, done, total) => out.progress(`Exporting ${what}`, done, total)));
  out.result(JSON.stringify(doc, null, 2), doc);
}
