/**
 * Issue 15.5: long CLI work (import with pictures, export, backup, restore) shows how far it
 * has come on stderr when stderr is a terminal (a real pseudo-terminal here, through
 * util-linux's `script`), and prints nothing extra in a pipe or with --json. One helper
 * (cli/output.ts) draws it for every command: checked directly first, then through the
 * built bin/livepage.js.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { contentHash } from '../domain/media.js';
import { aPost } from '../test/fixtures.js';
import { smallImage } from '../test/images.js';
import { BIN, run } from '../test/processes.js';
import { describeEachStore, storeForProcesses } from '../test/stores.js';
import { inTerminal, skipWithoutScript } from '../test/terminal.js';
import { createOutput, PROGRESS_INTERVAL_MS } from './output.js';

// CLI processes take a second or more each to start (much more on a loaded machine).
vi.setConfig({ testTimeout: 300_000 });

const ESC = '\x1b';

/** Streams standing in for a terminal or a pipe, collecting what is written. */
function streams(tty: boolean, env: Record<string, string> = { TERM: 'xterm' }) {
  const out = { stdout: '', stderr: '' };
  const stdout = new PassThrough().on('data', (d) => (out.stdout += d));
  const stderr = Object.assign(new PassThrough().on('data', (d) => (out.stderr += d)), { isTTY: tty });
  return { out, io: { stdout, stderr, env } };
}

describe('the progress helper (cli/output.ts)', () => {
  it('draws on a terminal, redrawn in place, and clears the line before the result', () => {
    const { out, io } = streams(true);
    const o = createOutput(false, io);
    o.progress('Importing posts', 0, 4);
    o.progress('Importing posts', 4, 4);
    o.result('Imported.', {});
    expect(out.stderr).toBe(`\r${ESC}[2KImporting posts: 0/4 (0%)\r${ESC}[2KImporting posts: 4/4 (100%)\r${ESC}[2K`);
    expect(out.stdout).toBe('Imported.\n');
  });

  it('is silent in a pipe, with --json, and on a terminal that cannot redraw (TERM=dumb)', () => {
    for (const [tty, json, env] of [[false, false, { TERM: 'xterm' }], [true, true, { TERM: 'xterm' }], [true, false, { TERM: 'dumb' }]] as const) {
      const { out, io } = streams(tty, env);
      const o = createOutput(json, io);
      o.progress('Exporting posts', 1, 2);
      o.progress('Exporting posts', 2, 2);
      o.result('Done.', { done: true });
      expect(out.stderr, JSON.stringify({ tty, json, env })).toBe('');
    }
  });

  it('redraws at most once an interval, always the first and last steps; nothing to count draws nothing', async () => {
    const { out, io } = streams(true);
    const o = createOutput(false, io);
    o.progress('Importing pictures', 0, 0);
    expect(out.stderr).toBe('');
    for (let i = 0; i < 10_000; i++) o.progress('Importing posts', i, 10_000);
    const draws = out.stderr.split('Importing posts: ').length - 1;
    expect(draws).toBeLessThan(5); // 10 000 steps in far less than a few intervals
    await new Promise((r) => setTimeout(r, PROGRESS_INTERVAL_MS + 20));
    o.progress('Importing posts', 10_000, 10_000);
    expect(out.stderr).toContain('Importing posts: 10000/10000 (100%)');
  });
});

/** A page of `posts` updates and `pictures` distinct JPEGs, as an export document. */
async function bigPage(slug: string, posts: number, pictures: number) {
  const media = await Promise.all(
    Array.from({ length: pictures }, async (_, i) => {
      const data = await smallImage('jpeg', 40 + i, 30);
      return { hash: contentHash(data), type: 'image/jpeg', data: data.toString('base64') };
    }),
  );
  const updates = Array.from({ length: posts }, (_, i) => aPost(`Update ${i}`, { publishedAt: new Date(Date.UTC(2025, 1, 27, 10, i)).toISOString() }));
  return { page: { slug, title: `Page ${slug}` }, posts: updates, media };
}

describeEachStore('livepage CLI progress', (kind) => {
  const t = storeForProcesses(kind);

  it('import with pictures and export: progress on a terminal; a pipe and --json get only the result', async () => {
    const file = join(t.dataDir, 'pictures.json');
    writeFileSync(file, JSON.stringify(await bigPage('in-a-pipe', 25, 3)));
    const piped = await run(['import', file], t.env);
    expect([piped.code, piped.stderr]).toEqual([0, '']);
    expect(piped.stdout).toMatch(/^Imported "Page in-a-pipe" with 25 posts and 3 pictures: \S+\n$/);
    const exported = await run(['export', 'in-a-pipe'], t.env);
    expect([exported.code, exported.stderr]).toEqual([0, '']);
    expect(JSON.parse(exported.stdout).media).toHaveLength(3);
    if (skipWithoutScript()) return;

    writeFileSync(file, JSON.stringify(await bigPage('on-a-terminal', 25, 3)));
    const imported = await inTerminal([BIN, 'import', file], t.env);
    expect(imported.code, imported.screen).toBe(0);
    expect(imported.screen).toContain('Importing pictures: 3/3 (100%)');
    expect(imported.screen).toContain('Importing posts: 25/25 (100%)');
    expect(imported.screen).toContain(`${ESC}[2KImported "Page on-a-terminal" with 25 posts and 3 pictures`); // the progress line cleared first

    // `export SLUG > file` at a terminal: progress on the terminal, the file pure JSON.
    const out = join(t.dataDir, 'exported.json');
    const redirected = await inTerminal([BIN, 'export', 'on-a-terminal'], t.env, ` > '${out}'`);
    expect(redirected.code, redirected.screen).toBe(0);
    expect(redirected.screen).toContain('Exporting posts: 25/25 (100%)');
    expect(redirected.screen).toContain('Exporting pictures: 3/3 (100%)');
    const written = readFileSync(out, 'utf8');
    expect(written).not.toContain(ESC);
    expect(JSON.parse(written)).toMatchObject({ page: { slug: 'on-a-terminal' }, posts: expect.any(Array), media: expect.any(Array) });

    // --json on a terminal: the JSON document, no progress.
    writeFileSync(file, JSON.stringify(await bigPage('json-on-a-terminal', 25, 3)));
    const json = await inTerminal([BIN, 'import', file, '--json'], t.env);
    expect(json.code, json.screen).toBe(0);
    expect(json.screen).not.toContain('Importing');
    expect(JSON.parse(json.screen)).toMatchObject({ posts: 25, media: 3 });
  });

  it('backup and restore: progress on a terminal, none in a pipe (SQLite; PostgreSQL uses its own tools)', async () => {
    if (kind !== 'sqlite') return;
    const dir = mkdtempSync(join(tmpdir(), 'livepage-progress-'));
    try {
      const piped = await run(['backup', join(dir, 'piped.db')], t.env);
      expect([piped.code, piped.stderr]).toEqual([0, '']);
      expect(piped.stdout).toMatch(/^Backed up .* KiB\)\.\n$/);
      const restoredPiped = await run(['restore', join(dir, 'piped.db')], { LIVEPAGE_DATA_DIR: join(dir, 'fresh-piped') });
      expect([restoredPiped.code, restoredPiped.stderr]).toEqual([0, '']);
      if (skipWithoutScript()) return;

      const backup = await inTerminal([BIN, 'backup', join(dir, 'tty.db')], t.env);
      expect(backup.code, backup.screen).toBe(0);
      expect(backup.screen).toMatch(/Backing up database pages: (\d+)\/\1 \(100%\)/);
      expect(backup.screen).toContain(`${ESC}[2KBacked up`);
      expect(existsSync(join(dir, 'tty.db'))).toBe(true);
      const restore = await inTerminal([BIN, 'restore', join(dir, 'tty.db')], { LIVEPAGE_DATA_DIR: join(dir, 'fresh-tty') });
      expect(restore.code, restore.screen).toBe(0);
      expect(restore.screen).toMatch(/Restoring database pages: (\d+)\/\1 \(100%\)/);
      expect(restore.screen).toMatch(/Restored .*: \d+ pages, \d+ posts\./);
      const json = await inTerminal([BIN, 'backup', join(dir, 'json.db'), '--json'], t.env);
      expect(json.screen).not.toContain('Backing up');
      expect(JSON.parse(json.screen)).toMatchObject({ bytes: expect.any(Number) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
