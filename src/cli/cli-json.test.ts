/**
 * Issue 15.5: every CLI command is scriptable. With --json, stdout is one JSON document (a
 * failure: one JSON object on stderr) and the exit code says how it went (0 done, 1 failed,
 * 2 usage); progress appears only on a terminal (a real pseudo-terminal here, through
 * util-linux's `script`), never in a pipe. Runs the built bin/livepage.js on both stores.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { aPost } from '../test/fixtures.js';
import { BIN, freePort, run } from '../test/processes.js';
import { describeEachStore, openStoreForProcesses, storeForProcesses } from '../test/stores.js';

// A dozen CLI processes a test, each a second or more to start (much more on a loaded machine).
vi.setConfig({ testTimeout: 300_000 });

const json = (text: string) => JSON.parse(text) as Record<string, any>;
const hasScript = spawnSync('script', ['--version']).status === 0;

describeEachStore('livepage CLI --json', (kind) => {
  const cli = storeForProcesses(kind);

  it('user and token commands print one JSON document, and failures one JSON error with the exit code', async () => {
    const added = await run(['user', 'add', '--json', '--email', 'j@example.org', '--name', 'Jay', '--role', 'editor'], cli.env);
    expect(added.code, added.stderr).toBe(0);
    expect(json(added.stdout)).toMatchObject({ user: { email: 'j@example.org', role: 'editor', active: true }, password: expect.stringMatching(/\S{20,}/) });
    expect(json((await run(['user', 'set', '--email', 'j@example.org', '--name', 'Jay Dee', '--json'], cli.env)).stdout).user.name).toBe('Jay Dee');
    expect(json((await run(['--json', 'user', 'list'], cli.env)).stdout).users.map((u: { email: string }) => u.email)).toContain('j@example.org');

    const token = json((await run(['token', 'create', '--email', 'j@example.org', '--name', 'ci', '--json'], cli.env)).stdout);
    expect(token).toMatchObject({ token: expect.stringMatching(/^lp_/), name: 'ci', user: { email: 'j@example.org' } });
    const listed = json((await run(['token', 'list', '--json'], cli.env)).stdout).tokens;
    const id = listed.find((x: { name: string }) => x.name === 'ci').id;
    expect(json((await run(['token', 'revoke', id, '--json'], cli.env)).stdout).token).toMatchObject({ id, revokedAt: expect.any(String) });

    const missing = await run(['token', 'create', '--email', 'nobody@example.org', '--json'], cli.env);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(json(missing.stderr)).toEqual({ error: { code: 'user_not_found', message: 'No account for nobody@example.org.' } });
    const dup = await run(['user', 'add', '--json', '--email', 'j@example.org', '--name', 'Again', '--role', 'editor'], cli.env);
    expect([dup.code, json(dup.stderr).error.code]).toEqual([1, 'email_taken']);
    const usage = await run(['user', 'add', '--json', '--name', 'No email', '--role', 'editor'], cli.env);
    expect([usage.code, json(usage.stderr).error.code]).toEqual([2, 'usage']);
    const unknown = await run(['frobnicate', '--json'], cli.env);
    expect([unknown.code, json(unknown.stderr).error.code]).toEqual([2, 'usage']);
  });

  it('import and export: JSON results, no progress in a pipe, progress on a terminal', async () => {
    const posts = Array.from({ length: 30 }, (_, i) => aPost(`Update ${i}`, { publishedAt: new Date(Date.UTC(2025, 1, 27, 10, i)).toISOString() }));
    const file = join(cli.dataDir, 'big.json');
    writeFileSync(file, JSON.stringify({ page: { slug: 'big', title: 'A big page' }, posts }));
    const imported = await run(['import', file, '--json'], cli.env);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toBe(''); // a pipe: no progress
    expect(json(imported.stdout)).toMatchObject({ page: { slug: 'big', seq: 30 }, posts: 30, media: 0, url: expect.stringContaining('/live/big') });

    const exported = await run(['export', 'big', '--json'], cli.env);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toBe('');
    expect(json(exported.stdout).posts).toHaveLength(30);

    const bad = await run(['import', join(cli.dataDir, 'nope.json'), '--json'], cli.env);
    expect([bad.code, json(bad.stderr).error]).toEqual([1, { code: 'failed', message: expect.stringContaining('no such file') }]);
    const again = await run(['import', file, '--json'], cli.env);
    expect([again.code, json(again.stderr).error.code]).toEqual([1, 'slug_taken']);

    if (!hasScript) {
      if (process.env.CI === 'true') throw new Error('util-linux `script` is needed for the terminal test');
      console.warn('util-linux `script` not found: skipping the terminal progress check');
      return;
    }
    // On a terminal (a pseudo-terminal), a person sees how far the import has come.
    writeFileSync(file, JSON.stringify({ page: { slug: 'big-tty', title: 'On a terminal' }, posts }));
    const onTty = await inTerminal([BIN, 'import', file], cli.env);
    expect(onTty).toContain('Importing posts: 30/30 (100%)');
    expect(onTty).toContain('Imported "On a terminal" with 30 posts');
    const exportTty = await inTerminal([BIN, 'export', 'big-tty'], cli.env);
    expect(exportTty).toContain('Exporting posts: 30/30');
  });

  it('serve --json says it is serving (and a first start’s admin) as JSON lines', async () => {
    const fresh = await openStoreForProcesses(kind);
    const port = String(await freePort());
    const child = spawn(process.execPath, [BIN, 'serve', '--json', '--workers', '1'], { env: { ...process.env, LOG_LEVEL: 'warn', ...fresh.env, PORT: port } });
    try {
      let out = '';
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d) => ((out += d), out.includes('"event":"serving"') && resolve()));
        child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
      });
      const lines = out.trim().split('\n').filter((l) => l.startsWith('{"event"')).map(json);
      expect(lines[0]).toMatchObject({ event: 'first-start', admin: { email: 'admin@livepage.local', password: expect.any(String) } });
      expect(lines[1]).toMatchObject({ event: 'serving', workers: 1 });
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.on('exit', r));
      await fresh.dispose();
    }
  });

  it('backup and restore --json (SQLite)', async () => {
    if (kind !== 'sqlite') return;
    const file = join(cli.dataDir, '..', `backup-${Date.now()}.db`);
    const backup = await run(['backup', file, '--json'], cli.env);
    expect(backup.code, backup.stderr).toBe(0);
    expect(json(backup.stdout)).toMatchObject({ file, bytes: expect.any(Number) });
    expect(existsSync(file)).toBe(true);
    const refused = await run(['restore', file, '--json'], cli.env);
    expect([refused.code, json(refused.stderr).error.code]).toEqual([1, 'failed']);
  });
});

/** Runs node with `args` on a pseudo-terminal (util-linux `script`), returning all it wrote there. */
function inTerminal(args: string[], env: Record<string, string>): Promise<string> {
  const command = [process.execPath, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return new Promise((resolve) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], { env: { ...process.env, LOG_LEVEL: 'warn', ...env } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('close', () => resolve(out));
  });
}
