#!/usr/bin/env node
/**
 * Failover benchmark (issue 14): several `livepage serve` nodes on one PostgreSQL behind
 * nginx as the load balancer (bench/lib/nginx.mjs: docs/operations.md's SSE settings), a
 * few thousand SSE readers through nginx (bench/sse-clients.mjs, which resumes by
 * Last-Event-ID the way EventSource does), posts published through nginx at a steady rate
 * (each with an Idempotency-Key, retried until answered, as the newsroom's editor does),
 * scheduled posts falling due during the run, and two webhook targets on a local receiver.
 * Meanwhile: SIGKILL one node and start it again; cut another node's LISTEN connection
 * (pg_terminate_backend); restart PostgreSQL. Then every reader must have every event of
 * the page exactly once and in order, every scheduled post must be published once, and
 * every target must have every event once.
 *
 *   npm run bench:failover [-- --readers 3000 --posts 100 --rate 5 --nodes 3 --scheduled 10 --no-faults]
 *
 * With --no-faults (and --nodes 1, 3, 5) it measures what each event costs PostgreSQL
 * (pg_stat_statements: NOTIFYs, event reads, all statements per post): docs/scaling.md.
 * Progress on stderr; the last line of stdout is one JSON object (see docs/performance.md).
 */
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdtempSync, openSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { request as httpRequest } from './lib/http.mjs';
import { balancerConfig, hasNginx, startNginx } from './lib/nginx.mjs';
import { alive, armCleanup, freePort, killGroup, run, runMain, showLogTails, sleep, startChild, track, waitForOk } from './lib/processes.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'bin', 'livepage.js');
const CLIENTS_JS = path.join(ROOT, 'bench', 'sse-clients.mjs');
const POSTGRES_SH = path.join(ROOT, 'scripts', 'postgres.sh');
const SLUG = 'demo-storm-coverage';
const ADMIN_EMAIL = 'admin@livepage.local';

const { values: opts } = parseArgs({
  options: {
    readers: { type: 'string', default: '3000' },
    posts: { type: 'string', default: '100' },
    rate: { type: 'string', default: '5' },
    nodes: { type: 'string', default: '3' },
    scheduled: { type: 'string', default: '10' },
    'client-procs': { type: 'string' },
    'no-faults': { type: 'boolean', default: false },
    tail: { type: 'string', default: '60' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opts.help) {
  process.stdout.write(`Usage: node bench/failover.mjs [--readers N] [--posts M] [--rate R] [--nodes K] [--scheduled S] [--client-procs P] [--no-faults] [--tail S] [--keep]\n`);
  process.exit(0);
}
const int = (name, min = 1) => {
  const n = Number(opts[name]);
  if (!Number.isInteger(n) || n < min) {
    process.stderr.write(`bench:failover: --${name} must be an integer ≥ ${min}\n`);
    process.exit(2);
  }
  return n;
};
const READERS = int('readers');
const POSTS = int('posts');
const RATE = int('rate');
const NODES = int('nodes');
const SCHEDULED = int('scheduled', 0);
const PROCS = opts['client-procs'] === undefined ? Math.ceil(READERS / 4000) : int('client-procs');
const TAIL_MS = int('tail') * 1000;
const FAULTS = !opts['no-faults'];
const PER_IP = 1000;
/** After a fault, this long counts as its window (readers of a killed node must be back within 5 s). */
const WINDOW_MS = 5000;
if (FAULTS && NODES < 2) {
  process.stderr.write('bench:failover: the faults need at least 2 nodes (or --no-faults)\n');
  process.exit(2);
}

const log = (msg) => process.stderr.write(`[bench:failover] ${msg}\n`);
const now = () => performance.timeOrigin + performance.now();

let tmpDir;
let pgDir;
armCleanup({
  log,
  tmpDir: () => tmpDir,
  keep: opts.keep,
  // PostgreSQL runs under pg_ctl (not our child): stopped here, its dir removed with ours.
  beforeRemove: async () => {
    if (pgDir && existsSync(pgDir)) await run(POSTGRES_SH, ['stop', pgDir]).catch((e) => log(`stopping PostgreSQL: ${e.message}`));
  },
});

// ---------------------------------------------------------------- HTTP

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
const request = (port, method, pathname, opts = {}) => httpRequest(port, method, pathname, { agent, timeoutMs: 10_000, ...opts });

// ---------------------------------------------------------------- PostgreSQL

async function psql(url, sql) {
  const pg = (await import('pg')).default;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

/** What the statements since the last reset were: NOTIFYs, event-log reads, all (our own excluded). */
async function statementCounts(url) {
  const rows = await psql(url, `select query, calls::int from pg_stat_statements where query not ilike '%pg_stat_%'`);
  const sum = (f) => rows.filter(f).reduce((a, r) => a + r.calls, 0);
  return {
    all: sum(() => true),
    notify: sum((r) => /pg_notify/i.test(r.query)),
    eventReads: sum((r) => /from "events"/i.test(r.query) && /^select/i.test(r.query.trim())),
    top: rows.sort((a, b) => b.calls - a.calls).slice(0, 8).map((r) => [r.calls, r.query.replace(/\s+/g, ' ').slice(0, 90)]),
  };
}

// ---------------------------------------------------------------- webhook receiver

/** Two targets on one local server: each event recorded per target, with its delivery id. */
function startReceiver() {
  const got = new Map(); // target → Map(seq → count of distinct deliveries)
  const deliveries = new Map(); // target → Set(delivery id)
  let redelivered = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const target = req.url;
      try {
        const j = JSON.parse(body);
        if (!got.has(target)) got.set(target, new Map()), deliveries.set(target, new Set());
        // A retry of a delivery the receiver already has (its answer was lost or late) carries
        // the same id, and receivers drop it (docs/operations.md): counted apart, not as a duplicate.
        const id = req.headers['x-livepage-delivery'];
        if (deliveries.get(target).has(id)) redelivered++;
        else got.get(target).set(j.seq, (got.get(target).get(j.seq) ?? 0) + 1);
        deliveries.get(target).add(id);
      } catch {
        /* not JSON: counted as missing */
      }
      res.writeHead(204).end();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ port: server.address().port, got, redelivered: () => redelivered, close: () => server.close() })),
  );
}

// ---------------------------------------------------------------- nodes

class Node {
  constructor(i, env) {
    this.i = i;
    this.env = env;
    this.child = undefined;
  }
  /** Starts the node, and again if it exits while starting (PostgreSQL restarting): as systemd's Restart= would. */
  async start() {
    for (let attempt = 1; ; attempt++) {
      this.child = startChild(process.execPath, [CLI, 'serve', '--workers', '1'], { env: this.env, logFile: path.join(tmpDir, `node-${this.i}.log`), name: `node ${this.i}` });
      try {
        return await waitForOk(() => request(Number(this.env.PORT), 'GET', '/readyz'), { child: this.child, name: `node ${this.i}`, what: '/readyz', timeoutMs: 30_000 });
      } catch (e) {
        if (attempt === 5) throw e;
        // Exited, or not ready within the minute (systemd's TimeoutStartSec would kill it too).
        log(`node ${this.i} ${alive(this.child) ? 'did not become ready' : 'exited'} while starting (attempt ${attempt}): starting it again`);
        this.kill();
        await sleep(1000);
      }
    }
  }
  kill() {
    this.child.expectedExit = true;
    killGroup(this.child, 'SIGKILL');
  }
}

// ---------------------------------------------------------------- readers

async function startReaders(port, since) {
  const procs = [];
  let first = 0;
  for (let i = 0; i < PROCS; i++) {
    const count = Math.floor(READERS / PROCS) + (i < READERS % PROCS ? 1 : 0);
    const cfg = { port, path: `/live/${SLUG}/events?since=${since}`, since, count, first, perIp: PER_IP, batch: 200 };
    first += count;
    const logFile = path.join(tmpDir, `clients-${i}.log`);
    const out = openSync(logFile, 'a');
    const child = fork(CLIENTS_JS, [JSON.stringify(cfg)], { detached: true, serialization: 'advanced', stdio: ['ignore', out, out, 'ipc'] });
    closeSync(out);
    track(child, `client process ${i}`, logFile);
    child.state = { connected: 0, done: false };
    child.waiters = new Map();
    child.on('message', (m) => {
      if (m.type === 'ramp' || m.type === 'connected') child.state.connected = m.connected;
      if (m.type === 'connected') child.state.done = true;
      const w = child.waiters.get(m.type);
      if (w) child.waiters.delete(m.type), w(m);
    });
    procs.push(child);
  }
  const deadline = Date.now() + 60_000 + READERS * 5;
  while (!procs.every((c) => c.state.done)) {
    if (procs.some((c) => !alive(c))) throw new Error('a client process died while connecting');
    if (Date.now() > deadline) throw new Error('the readers did not connect in time');
    await sleep(100);
  }
  return { procs, connected: procs.reduce((a, c) => a + c.state.connected, 0) };
}
function ask(child, type, extra = {}) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`client process ${child.pid} did not answer '${type}'`)), 120_000);
    child.waiters.set(type, (m) => (clearTimeout(timer), resolve(m)));
    child.send({ type, ...extra });
  });
}

// ---------------------------------------------------------------- posts

const postBody = (n, extra = {}) => ({
  title: `Failover update ${n}`,
  contributors: [{ name: 'Failover Bench', role: 'Reporter' }],
  body: [{ type: 'paragraph', text: `Update ${n}: crews report the river road is closed near the bridge; shelters stay open overnight.` }],
  status: 'published',
  ...extra,
});

/**
 * One post through the balancer, retried with the same Idempotency-Key until it is answered
 * 201 (a node dies under it, PostgreSQL restarts): the newsroom's "Publish" is never lost
 * nor doubled. Resolves with the time it was first sent and the answer.
 */
async function publishOnce(port, auth, n, extra) {
  const key = `failover-${n}-${randomUUID()}`;
  const sentAt = now();
  let attempts = 0;
  for (;;) {
    attempts++;
    try {
      const r = await request(port, 'POST', `/api/v1/pages/${SLUG}/posts`, { body: postBody(n, extra), headers: { ...auth, 'idempotency-key': key } });
      if (r.status === 201) return { ...JSON.parse(r.body), sentAt, attempts };
      if (r.status < 500 && r.status !== 409 && r.status !== 429) throw new Error(`POST posts ${n}: ${r.status} ${r.body.slice(0, 300)}`);
    } catch (e) {
      if (/POST posts/.test(e.message)) throw e;
    }
    if (now() - sentAt > 60_000) throw new Error(`post ${n} not accepted within 60 s`);
    await sleep(200);
  }
}

// ---------------------------------------------------------------- main

async function main() {
  if (!hasNginx()) throw new Error('nginx is not installed (apt-get install nginx)');
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run "npm run build" first');
  tmpDir = mkdtempSync(path.join(os.tmpdir(), 'livepage-failover-'));
  chmodSync(tmpDir, 0o755); // PostgreSQL runs as its own user when we are root
  log(`${READERS} readers, ${POSTS} posts at ${RATE}/s, ${SCHEDULED} scheduled, ${NODES} nodes, faults ${FAULTS ? 'on' : 'off'}; temp dir ${tmpDir}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);

  // PostgreSQL, with pg_stat_statements to count what each event costs.
  pgDir = path.join(tmpDir, 'pg');
  const url = (await run(POSTGRES_SH, ['start', pgDir])).stdout.trim();
  await run('sh', ['-c', `printf "\\nshared_preload_libraries = 'pg_stat_statements'\\npg_stat_statements.track = all\\n" >> ${pgDir}/data/postgresql.conf`]);
  await run(POSTGRES_SH, ['restart', pgDir]);
  await psql(url, 'create extension if not exists pg_stat_statements');
  log(`PostgreSQL ${url}`);

  const receiver = await startReceiver();
  const ports = await Promise.all(Array.from({ length: NODES }, () => freePort()));
  const baseEnv = { ...process.env, DATABASE_URL: url, HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'production', LIVEPAGE_TRUST_PROXY: '127.0.0.1' };
  delete baseEnv.NODE_OPTIONS;
  delete baseEnv.LIVEPAGE_PUBLIC_URL;
  const nodes = ports.map((port, i) => new Node(i, { ...baseEnv, PORT: String(port), LIVEPAGE_DATA_DIR: path.join(tmpDir, `data-${i}`) }));
  await nodes[0].start(); // seeds the admin and the demo page
  await Promise.all(nodes.slice(1).map((n) => n.start()));
  log(`nodes on ${ports.join(', ')}`);

  const lbPort = await freePort();
  await startNginx({
    prefix: path.join(tmpDir, 'nginx'),
    config: balancerConfig({ prefix: path.join(tmpDir, 'nginx'), port: lbPort, upstreams: ports.map((p) => `127.0.0.1:${p}`), connections: READERS + 200 }),
    name: 'nginx',
    probe: () => request(lbPort, 'GET', '/healthz'),
  });
  log(`nginx on :${lbPort}`);

  const token = (await run(process.execPath, [CLI, 'token', 'create', '--email', ADMIN_EMAIL], { env: nodes[0].env })).stdout.trim().split('\n').pop();
  const auth = { authorization: `Bearer ${token}` };
  for (const target of ['/a', '/b']) {
    const r = await request(lbPort, 'POST', '/api/v1/webhooks', { body: { url: `http://127.0.0.1:${receiver.port}${target}`, events: ['post.published'], secret: 'failover bench secret' }, headers: auth });
    if (r.status !== 201) throw new Error(`POST webhooks: ${r.status} ${r.body}`);
  }
  const since = JSON.parse((await request(lbPort, 'GET', `/api/v1/pages/${SLUG}`)).body).seq;

  const { procs, connected } = await startReaders(lbPort, since);
  log(`${connected}/${READERS} readers through nginx (since ${since})`);
  await sleep(1000);

  // Scheduled posts falling due during the run (each its own Idempotency-Key).
  const durationMs = (POSTS / RATE) * 1000;
  const start = now() + 3000;
  const scheduled = [];
  for (let k = 0; k < SCHEDULED; k++) {
    const due = start + ((k + 0.5) / SCHEDULED) * durationMs;
    const p = await publishOnce(lbPort, auth, `s${k}`, { status: 'scheduled', scheduledFor: new Date(due).toISOString() });
    scheduled.push({ id: p.id, due: new Date(p.scheduledFor ?? due).getTime() });
  }

  // The faults, at fixed points of the publishing.
  const windows = [];
  const faultLog = [];
  let restarted = Promise.resolve();
  const faults = !FAULTS
    ? []
    : [
        {
          at: 0.2,
          name: 'SIGKILL a node, start it again',
          // The readers' window is from the kill: they go to the other nodes, not to this one.
          run: async () => {
            nodes[0].kill();
            restarted = sleep(1000).then(() => nodes[0].start());
            restarted.catch(() => {}); // awaited after the publishing
          },
        },
        {
          at: 0.45,
          name: 'cut a node’s LISTEN connection',
          run: async () => {
            const rows = await psql(url, `select pg_terminate_backend(pid) as ok from pg_stat_activity where application_name = 'livepage-bus:${nodes[1].child.pid}'`);
            if (!rows.some((r) => r.ok)) throw new Error(`node 1's LISTEN connection (livepage-bus:${nodes[1].child.pid}) was not found`);
          },
        },
        { at: 0.65, name: 'restart PostgreSQL', run: () => run(POSTGRES_SH, ['restart', pgDir]) },
      ];
  const faultRuns = faults.map((f) =>
    (async () => {
      await sleep(start + f.at * durationMs - now());
      const t0 = now();
      log(`fault: ${f.name}`);
      await f.run();
      const t1 = now();
      windows.push([t0, t1 + WINDOW_MS]);
      faultLog.push({ fault: f.name, at_s: round((t0 - start) / 1000, 1), took_ms: Math.round(t1 - t0) });
      log(`  ${f.name}: done in ${Math.round(t1 - t0)} ms`);
    })(),
  );

  // pg_stat_statements from here: what the publishing costs.
  await psql(url, 'select pg_stat_statements_reset()');
  const statsFrom = now();
  for (const c of procs) c.send({ type: 'reset' });
  const published = [];
  const inflight = [];
  for (let n = 0; n < POSTS; n++) {
    await sleep(start + (n * 1000) / RATE - now());
    // Not awaited one by one: a post held up by a restart does not hold up the next.
    inflight.push(publishOnce(lbPort, auth, n).then((p) => published.push(p)));
    if ((n + 1) % 25 === 0) log(`  published ${n + 1}/${POSTS}`);
  }
  await Promise.all(inflight);
  await Promise.all(faultRuns);
  await restarted;
  const statsMs = now() - statsFrom;
  const stats = FAULTS ? null : await statementCounts(url); // a restart resets the counts: only without faults

  // Every event of the page from the log: what each reader must have.
  const events = [];
  for (let after = since; ; ) {
    const r = JSON.parse((await request(lbPort, 'GET', `/live/${SLUG}/updates?since=${after}`)).body);
    if (!r.events?.length) break;
    events.push(...r.events);
    after = r.events.at(-1).id;
  }
  const sentAt = new Map(published.map((p) => [p.seq, p.sentAt]));
  const dueOf = new Map(scheduled.map((s) => [s.id, s.due]));
  const sent = events.map((e) => [e.id, sentAt.get(e.id) ?? dueOf.get(e.data?.id) ?? NaN]);

  // Wait for the readers (and the webhooks) to have it all.
  const expected = READERS * events.length;
  const lastPublish = now();
  for (;;) {
    const st = await Promise.all(procs.map((c) => ask(c, 'status')));
    const received = st.reduce((a, s) => a + s.received, 0);
    const hooksDone = ['/a', '/b'].every((t) => events.every((e) => receiver.got.get(t)?.has(e.id)));
    if ((received >= expected && hooksDone) || now() - lastPublish > TAIL_MS) break;
    await sleep(250);
  }
  await sleep(1000); // duplicates, if any, arrive now
  const reports = [];
  for (const c of procs) reports.push(await ask(c, 'report', { sent }));
  for (const c of procs) (c.expectedExit = true), c.send({ type: 'close' });

  // Readers.
  const inWindow = (t) => windows.some(([a, b]) => t >= a && t <= b);
  const outside = [];
  const inside = [];
  // Latency of the posts we published (the scheduled ones go out on the scheduler's tick).
  for (const [seq, s] of sent) {
    if (!sentAt.has(seq)) continue;
    for (const r of reports) {
      const lat = r.latencies.find(([q]) => q === seq)?.[1] ?? [];
      for (const l of lat) (inWindow(s) ? inside : outside).push(l);
    }
  }
  outside.sort((a, b) => a - b);
  inside.sort((a, b) => a - b);
  const sum = (k) => reports.reduce((a, r) => a + r[k], 0);
  const recoveries = reports.flatMap((r) => r.recoveries.map(([, ms]) => ms)).sort((a, b) => a - b);
  const reopens = reports.flatMap((r) => r.recoveries.map(([, , ms]) => ms)).sort((a, b) => a - b);

  // The scheduler: each scheduled post published once (one post.published event each).
  const publishedEvents = events.filter((e) => e.type === 'post.published');
  const scheduledOnce = scheduled.filter((s) => publishedEvents.filter((e) => e.data.id === s.id).length === 1).length;
  const unexpected = events.filter((e) => Number.isNaN(sentAt.get(e.id) ?? dueOf.get(e.data?.id) ?? NaN)).length;

  // Webhooks: each post.published event once per target.
  let hookLost = 0;
  let hookDup = 0;
  for (const t of ['/a', '/b'])
    for (const e of publishedEvents) {
      const n = receiver.got.get(t)?.get(e.id) ?? 0;
      if (n === 0) hookLost++;
      if (n > 1) hookDup += n - 1;
    }
  receiver.close();

  const delivered = sum('delivered');
  const result = {
    readers: READERS,
    connected,
    nodes: NODES,
    posts: POSTS,
    rate_per_s: RATE,
    events: events.length,
    lost: expected - delivered,
    // Readers that missed events, by what they missed (at most 10 patterns).
    lost_by: Object.entries(mergeCounts(reports.map((r) => r.gaps))).slice(0, 10),
    duplicates: sum('duplicates'),
    out_of_order: sum('outOfOrder'),
    seq_mismatches: sum('mismatches'),
    still_down: sum('stillDown'),
    p50_outside_ms: round(pct(outside, 50), 1),
    p99_outside_ms: round(pct(outside, 99), 1),
    p99_inside_ms: round(pct(inside, 99), 1),
    max_inside_ms: round(inside.at(-1), 1),
    deliveries_inside: inside.length,
    drops: sum('drops'),
    reconnects: sum('reconnects'),
    reconnect_failures: sum('connectErrors'),
    non200: sum('non200'),
    recover_p50_ms: round(pct(recoveries, 50), 0),
    recover_p99_ms: round(pct(recoveries, 99), 0),
    recover_max_ms: round(recoveries.at(-1), 0),
    // …of which the stream open again (the rest is catching up: events published meanwhile).
    reopen_p50_ms: round(pct(reopens, 50), 0),
    reopen_p99_ms: round(pct(reopens, 99), 0),
    scheduled: SCHEDULED,
    scheduled_published_once: scheduledOnce,
    unexpected_events: unexpected,
    webhook_lost: hookLost,
    webhook_duplicates: hookDup,
    webhook_redelivered: receiver.redelivered(),
    publish_retries: published.reduce((a, p) => a + p.attempts - 1, 0),
    faults: faultLog,
    pg_per_post: stats
      ? { statements: round(stats.all / POSTS, 1), notify: round(stats.notify / POSTS, 2), event_reads: round(stats.eventReads / POSTS, 2), window_s: round(statsMs / 1000, 1), top: stats.top }
      : null,
    load_average: os.loadavg().map((l) => round(l, 2)),
    cpus: os.cpus().length,
  };
  result.targets = {
    lost_dup_order_0: result.lost === 0 && result.duplicates === 0 && result.out_of_order === 0,
    p99_outside_le_250ms: result.p99_outside_ms <= 250,
    recovered_within_5s: recoveries.length === 0 || result.recover_max_ms <= 5000,
    scheduler_once: scheduledOnce === SCHEDULED,
    webhooks_once: hookLost === 0 && hookDup === 0,
  };
  result.ok = connected === READERS && result.lost === 0 && result.duplicates === 0 && result.out_of_order === 0 && result.seq_mismatches === 0 && scheduledOnce === SCHEDULED && unexpected === 0 && hookLost === 0 && hookDup === 0;
  log(JSON.stringify({ ...result, pg_per_post: undefined }));
  return result;
}

function pct(sorted, p) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
function round(x, d) {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

/** Counts by key, summed over several objects, largest first. */
function mergeCounts(objects) {
  const all = {};
  for (const o of objects) for (const [k, n] of Object.entries(o)) all[k] = (all[k] ?? 0) + n;
  return Object.fromEntries(Object.entries(all).sort((a, b) => b[1] - a[1]));
}

await runMain(main, { showLogs: () => showLogTails(tmpDir) });
