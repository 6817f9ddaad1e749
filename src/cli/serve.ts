/**
 * `livepage serve [--workers N]`: the HTTP server until SIGINT or SIGTERM. With more than
 * one worker, a node:cluster primary seeds the store, then runs N workers on one port;
 * they learn of each other's changes over IPC (SQLite) or LISTEN/NOTIFY (PostgreSQL).
 */
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { MemoryBus, type EventBus } from '../realtime/bus.js';
import { ClusterBus, relayEvents } from '../realtime/cluster-bus.js';
import { PostgresBus } from '../realtime/postgres-bus.js';
import { aggregateWorkers, startMetricsServer, workerScrape, type Scrape } from '../metrics/exposition.js';
import { buildApp } from '../server/app.js';
import { loadConfig, type Config } from '../server/config.js';
import { createLogger } from '../server/logging.js';
import { openStore } from '../store/store.js';
import { parseCommand, UsageError } from './args.js';
import { commandContext } from './runtime.js';
import { seedIfEmpty, type Seeded } from './seed.js';
import type { Output } from './output.js';

const HELP = `Usage: livepage serve [--workers N]

Serves live pages, the API and the newsroom. --workers N runs N processes on one port
(default: one per CPU core). Environment:
  PORT (3000), HOST (127.0.0.1), LIVEPAGE_DATA_DIR (./data), DATABASE_URL (postgres://…
  selects PostgreSQL), LIVEPAGE_PUBLIC_URL (canonical base URL), LOG_LEVEL (info),
  LIVEPAGE_TRUST_PROXY (off; behind a reverse proxy: its addresses/CIDRs, comma-separated,
  or a hop count, to take clients' addresses from X-Forwarded-For for sign-in limits),
  LIVEPAGE_DRAIN_WINDOW_MS (10000: on SIGTERM, live streams end spread over this long),
  LIVEPAGE_METRICS_PORT (unset: Prometheus metrics at /metrics on a port of their own, bound
  to LIVEPAGE_METRICS_HOST, 127.0.0.1), LIVEPAGE_METRICS_TOKEN (unset: /metrics on the public
  port too, for Authorization: Bearer <token>; asked on the metrics port as well). Neither
  set: no /metrics. With --workers, one scrape sums the whole node.
With --json, what it says on starting (a first start's admin credentials, the address) is
one JSON object per line; the request log is JSON lines (pino) either way.`;

export async function serveCommand(argv: string[], out: Output): Promise<void> {
  const { values } = parseCommand(argv, { workers: { type: 'string' } });
  if (values.help) return void console.log(HELP);
  const workers = values.workers === undefined ? availableParallelism() : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new UsageError('--workers must be a whole number from 1 to 64.');
  const config = loadConfig();
  if (cluster.isWorker) return void (await runServer(config, true));
  const seeded = await seed(config);
  // One line each, even with --json: a supervisor reads them as they come.
  if (out.json && seeded.admin) console.log(JSON.stringify({ event: 'first-start', admin: seeded.admin, demoUrl: seeded.demoUrl ?? null }));
  else for (const line of seeded.lines) console.log(line);
  if (workers === 1) await serveMetrics(config, await runServer(config, false));
  else {
    const scrape = aggregateWorkers(cluster); // before the workers start: they answer its requests
    await runPrimary(workers);
    await serveMetrics(config, scrape);
  }
  if (out.json) console.log(JSON.stringify({ event: 'serving', url: config.publicUrl, workers }));
  else console.log(`livepage is serving on ${config.publicUrl}${workers === 1 ? '' : ` (${workers} workers)`}`);
}

/** The metrics port, when configured (docs/operations.md, "Metrics"); it closes with the process. */
async function serveMetrics(config: Config, scrape: Scrape): Promise<void> {
  const m = config.metrics;
  if (m?.port === undefined) return;
  const server = await startMetricsServer({ port: m.port, host: m.host, token: m.token, scrape, onError: (err) => console.error('livepage: metrics:', err) });
  server.unref(); // never what keeps a stopping process alive
  const address = server.address();
  console.log(`metrics on http://${m.host.includes(':') ? `[${m.host}]` : m.host}:${typeof address === 'object' && address ? address.port : m.port}/metrics`);
}

/** Seeds an empty store once, before any worker starts. */
async function seed(config: Config): Promise<Seeded> {
  const store = await openStore(config);
  try {
    return await seedIfEmpty(commandContext(store, config));
  } finally {
    await store.close();
  }
}

/**
 * One server process: store, bus, app; drains and closes on SIGINT/SIGTERM (app.ts's
 * preClose). Returns its metrics' scrape (a worker's goes through the primary).
 */
async function runServer(config: Config, inCluster: boolean): Promise<Scrape> {
  // One logger for the app and what runs beside it (the store's pool, the bus).
  const log = createLogger(config.logLevel); // secrets redacted (server/logging.ts)
  const store = await openStore({ ...config, log });
  const bus: EventBus =
    store.kind === 'postgres' ? await PostgresBus.connect(config.databaseUrl!, log) : inCluster ? new ClusterBus(log) : new MemoryBus();
  const app = await buildApp({ store, config, bus, loggerInstance: log, ...(inCluster ? { scrape: (m) => workerScrape(m.registry) } : {}) });
  await app.listen({ port: config.port, host: config.host });
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await app.close();
    await store.close();
    if (inCluster) process.disconnect();
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  return () => app.metrics.registry.metrics();
}

/**
 * What a worker's environment adds: glibc's allocator gives each busy thread an arena of its
 * own and keeps what image work (libvips) freed, so ten photos at once pushed one process
 * past 1.1 GB; two arenas keep it near what is in use (docs/performance.md, bench:media).
 * glibc reads this only at start, hence set for the workers we fork; an operator's value wins.
 */
export function workerEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return { MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? '2' };
}

/** Forks the workers, restarts any that dies, and stops them all on SIGINT/SIGTERM. */
async function runPrimary(n: number): Promise<void> {
  relayEvents(cluster);
  let stopping = false;
  const listening = new Promise<void>((resolve, reject) => {
    let up = 0;
    cluster.on('listening', () => ++up === n && resolve());
    cluster.on('exit', (worker, code, signal) => {
      if (stopping) return;
      if (up < n) return reject(new Error(`a worker failed to start (exit ${code ?? signal})`));
      console.error(`livepage: worker ${worker.process.pid} died (${code ?? signal}); starting another`);
      cluster.fork(workerEnv(process.env));
    });
  });
  for (let i = 0; i < n; i++) cluster.fork(workerEnv(process.env));
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await listening;
}
