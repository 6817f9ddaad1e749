/**
 * Debian's nginx as the load balancer in front of livepage nodes, for tests. The config is
 * docs/operations.md's ("Health checks and failover"), written by the one generator the
 * failover benchmark uses too (bench/lib/nginx.mjs balancerConfig).
 *
 * `nginxAvailable()` says whether the binary is there; tests skip (saying so) without it,
 * and must not when CI=true (.ci/run installs it).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { balancerConfig, NGINX } from '../../bench/lib/nginx.mjs';
import { freePort } from './processes.js';

export function nginxAvailable(): boolean {
  return existsSync(NGINX) && spawnSync(NGINX, ['-v']).status === 0;
}

/** Without nginx: skip, unless in CI where it is required. */
export function nginxMissing(): string | undefined {
  if (nginxAvailable()) return undefined;
  if (process.env.CI === 'true') throw new Error(`CI=true but nginx is missing (${NGINX}): install the Debian package nginx`);
  return `nginx not installed (${NGINX})`;
}

export interface Balancer {
  url: string;
  config: string;
  /** nginx's error log so far (upstream failures are logged there). */
  errors(): string;
  stop(): Promise<void>;
}

/**
 * Starts nginx in the foreground (the config says `daemon off`) on a free port, balancing
 * over `upstreams` (host:port) for up to `connections` clients.
 */
export async function startBalancer(upstreams: string[], connections = 5000): Promise<Balancer> {
  const dir = mkdtempSync(join(tmpdir(), 'livepage-nginx-'));
  const port = await freePort();
  const config = balancerConfig({ prefix: dir, port, upstreams, connections });
  const file = join(dir, 'nginx.conf');
  writeFileSync(file, config);
  const test = spawnSync(NGINX, ['-t', '-c', file, '-p', dir, '-e', join(dir, 'error.log')], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx -t failed: ${test.stderr}`);
  const child = spawn(NGINX, ['-c', file, '-p', dir, '-e', join(dir, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 10_000; ; ) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    if (await fetch(`${url}/healthz`).then(() => true, () => false)) break;
    if (Date.now() > deadline) throw new Error(`nginx did not answer on ${url}: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const errors = () => {
    try {
      return readFileSync(join(dir, 'error.log'), 'utf8');
    } catch {
      return '';
    }
  };
  return {
    url,
    config,
    errors,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM'); // fast shutdown: a graceful one waits for every open stream
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
