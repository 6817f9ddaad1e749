/** Running the built `livepage` CLI as real processes in tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export const BIN = new URL('../../bin/livepage.js', import.meta.url).pathname;

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `livepage …args` to completion. */
export function run(args: string[], env: Record<string, string>, input?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, LOG_LEVEL: 'warn', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

export const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

export interface Served {
  child: ChildProcess;
  url: string;
  /** Everything it printed so far. */
  output(): string;
  /** Resolves with the exit code once it has exited. */
  exited: Promise<number | null>;
}

/** Starts `livepage serve` and resolves once it says it is serving. */
export async function serve(env: Record<string, string>, args: string[] = []): Promise<Served> {
  const port = env.PORT ?? String(await freePort());
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: port } });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', () => out.includes('livepage is serving') && resolve());
    void exited.then((code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
  return { child, url: `http://127.0.0.1:${port}`, output: () => out, exited };
}

/** The direct children of a process (Linux): a cluster primary's workers. */
export function childPids(pid: number): number[] {
  return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
}

/** Publishes a post to `slug` through the API of the server at `base` (201 or it throws). */
export async function publishPost(base: string, token: string, slug: string, post: unknown): Promise<{ id: string; seq: number }> {
  const res = await fetch(`${base}/api/v1/pages/${slug}/posts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(post),
  });
  if (res.status !== 201) throw new Error(`POST ${base}/api/v1/pages/${slug}/posts: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; seq: number };
}

/**
 * A store for servers in child processes: the first `serve` seeds the admin and the demo
 * page and is stopped; resolves with the servers' environment and an admin API token.
 */
export async function seededForServers(store: { dataDir: string; databaseUrl?: string | undefined }): Promise<{ env: Record<string, string>; token: string }> {
  const env = { LIVEPAGE_DATA_DIR: store.dataDir, DATABASE_URL: store.databaseUrl ?? '' };
  const first = await serve(env, ['--workers', '1']);
  first.child.kill('SIGTERM');
  await first.exited;
  const token = (await run(['token', 'create', '--email', 'admin@livepage.local'], env)).stdout.trim().split('\n').at(-1)!;
  return { env, token };
}
