#!/usr/bin/env node
/**
 * Fan-out benchmark (SPEC §5): N real SSE readers of one live page, in separate client
 * processes over loopback, while M posts are published one interval apart; latency from
 * the publishing request to each reader's receipt, lost and duplicated deliveries, server
 * memory. Then the same clients, posts and interval against a minimal node:http SSE
 * broadcaster (bench/sse-baseline.mjs), the baseline, in the same run.
 *
 *   npm run bench:fanout [-- --clients 10000 --posts 50 --interval 1000 --workers W --client-procs P]
 *
 * Progress goes to stderr; the last line of stdout is one JSON object:
 *   {"clients", "posts", "deliveries", "lost", "duplicates", "p50_ms", "p99_ms", "max_ms",
 *    "server_rss_mb", "baseline_p99_ms", …}
 * See docs/performance.md ("Fan-out") for what runs where and how to read the figures.
 */
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { request } from './lib/http.mjs';
import { hasNginx, nchanConfig, startNginx } from './lib/nginx.mjs';
import { hasPushpin, startPushpin } from './lib/pushpin.mjs';
import { alive, armCleanup, freePort, run, runMain, showLogTails, sleep, startChild, stopChildren, track, waitForOk } from './lib/processes.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'bin', 'livepage.js');
const CLIENTS_JS = path.join(ROOT, 'bench', 'sse-clients.mjs');
const BASELINE_JS = path.join(ROOT, 'bench', 'sse-baseline.mjs');
const LOOP_MONITOR = pathToFileURL(path.join(ROOT, 'bench', 'loop-monitor.mjs')).href;
const SLUG = 'demo-storm-coverage'; // the demo page livepage seeds on first start
const ADMIN_EMAIL = 'admin@livepage.local';
const STREAM_PATH = `/live/${SLUG}/events`;

const HELP = `Usage: node bench/fanout.mjs [--clients N] [--posts M] [--interval MS] [--workers W] [--client-procs P] [--keep]

  --clients N       concurrent SSE readers of one page (default 10000)
  --posts M         posts published, one every --interval (default 50)
  --interval MS     time between two publishes (default 1000)
  --workers W       server processes: livepage serve --workers W, and the baseline with as
                    many node:cluster workers (default 1 up to 15000 clients, else 2)
  --client-procs P  client processes sharing the readers (default ceil(N / 5000))
  --per-ip K        readers per source address 127.0.0.2, .3, … (default 1000)
  --tail S          seconds to wait after the last publish for late deliveries (default 10)
  --no-baseline     skip the node:http baseline
  --no-peers        skip the push servers run beside us: nchan (nginx module) and Pushpin
  --baseline-direct the baseline writes each frame as one prebuilt HTTP/1.1 chunk straight
                    to the sockets (as livepage does) instead of res.write()
  --cpu-prof        write V8 CPU profiles of the server processes (node --cpu-prof) to
                    the temporary directory; implies --keep
  --keep            keep the temporary directory (data, logs)
`;

const { values: opts } = parseArgs({
  options: {
    clients: { type: 'string', default: '10000' },
    posts: { type: 'string', default: '50' },
    interval: { type: 'string', default: '1000' },
    workers: { type: 'string' },
    'client-procs': { type: 'string' },
    'per-ip': { type: 'string', default: '1000' },
    tail: { type: 'string', default: '10' },
    'no-baseline': { type: 'boolean', default: false },
    'no-peers': { type: 'boolean', default: false },
    'baseline-direct': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opts['cpu-prof']) opts.keep = true;
if (opts.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
const CLIENTS = positiveInt('clients', opts.clients);
const POSTS = positiveInt('posts', opts.posts);
const INTERVAL = positiveInt('interval', opts.interval);
const WORKERS = opts.workers === undefined ? (CLIENTS <= 15000 ? 1 : 2) : positiveInt('workers', opts.workers);
const PROCS = opts['client-procs'] === undefined ? Math.ceil(CLIENTS / 5000) : positiveInt('client-procs', opts['client-procs']);
const PER_IP = positiveInt('per-ip', opts['per-ip']);
const TAIL_MS = positiveInt('tail', opts.tail) * 1000;
const BASELINE_MODE = opts['baseline-direct'] ? 'direct' : 'res';
if (PROCS > CLIENTS) usage('--client-procs cannot exceed --clients');
if (Math.ceil(CLIENTS / PROCS) > 19000) usage(`${Math.ceil(CLIENTS / PROCS)} readers per client process would pass the 20,000 open files a process may hold: add --client-procs`);
if (2 + Math.ceil(CLIENTS / PER_IP) > 254) usage('not enough source addresses in 127.0.0.2–254: raise --per-ip');

function positiveInt(name, v) {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) usage(`--${name} must be a positive integer`);
  return n;
}
function usage(msg) {
  process.stderr.write(`bench:fanout: ${msg}\n\n${HELP}`);
  process.exit(2);
}

/** Above this share of the machine taken by other processes, a phase counts as disturbed. */
const QUIET_SHARE = 0.05;
const log = (msg) => process.stderr.write(`[bench:fanout] ${msg}\n`);
/** Wall-clock ms with sub-ms resolution; the client processes use the same expression. */
const now = () => performance.timeOrigin + performance.now();

// ---------------------------------------------------------------- clean-up

let tmpDir;
armCleanup({ log, tmpDir: () => tmpDir, keep: opts.keep });

// ---------------------------------------------------------------- HTTP helpers

const publishAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** Polls GET pathname until it answers 200 (or child exits). */
const waitFor = (port, pathname, child, name) => waitForOk(() => request(port, 'GET', pathname), { child, name, what: pathname, timeoutMs: 60_000 });

// ---------------------------------------------------------------- /proc

const CLK_TCK = 100;

/** The pid and every descendant of it (the cluster primary and its workers). */
function processTree(rootPid) {
  const parentOf = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parentOf.set(Number(name), Number(rest[1]));
    } catch {
      /* gone */
    }
  }
  const out = [rootPid];
  for (let i = 0; i < out.length; i++) for (const [pid, ppid] of parentOf) if (ppid === out[i]) out.push(pid);
  return out;
}
function rssKb(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}
function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / CLK_TCK; // utime + stime
  } catch {
    return 0;
  }
}
/** RSS (KB, summed over the tree) and per-process figures. */
function treeRss(rootPid) {
  const pids = processTree(rootPid);
  const each = pids.map((pid) => ({ pid, kb: rssKb(pid) }));
  return { kb: each.reduce((a, b) => a + b.kb, 0), each };
}
/** CPU seconds of every process now: pid → {comm, s}. */
function cpuSnapshot() {
  const out = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(name), { comm, s: (Number(f[11]) + Number(f[12])) / CLK_TCK });
    } catch {
      /* gone */
    }
  }
  return out;
}
/** Machine-wide busy and softirq seconds (all CPUs) from /proc/stat. */
function machineCpu() {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: (total - f[3] - f[4]) / CLK_TCK, softirq: f[6] / CLK_TCK };
}
/**
 * Where the CPU went between two snapshots: our own processes (server tree, client
 * processes, this script) and everything else on the machine, by command name — the VM is
 * shared, and other work on its two cores shows up in the latencies.
 */
function cpuShare(before, after, mb0, mb1, ours) {
  let mine = 0;
  const other = new Map();
  for (const [pid, a] of after) {
    const d = a.s - (before.get(pid)?.s ?? 0);
    if (d <= 0) continue;
    if (ours.has(pid)) mine += d;
    else other.set(a.comm, (other.get(a.comm) ?? 0) + d);
  }
  // Everything the machine did that our processes did not (short-lived processes included).
  const otherS = Math.max(0, mb1.busy - mb0.busy - (mb1.softirq - mb0.softirq) - mine);
  const top = [...other.entries()].sort((x, y) => y[1] - x[1]).slice(0, 4).map(([c, d]) => `${c} ${d.toFixed(1)}s`).join(', ');
  return { busy_s: round(mb1.busy - mb0.busy, 1), softirq_s: round(mb1.softirq - mb0.softirq, 1), ours_s: round(mine, 1), other_s: round(otherS, 1), other_top: top };
}
const treeCpu = (rootPid) => processTree(rootPid).reduce((a, pid) => a + cpuSeconds(pid), 0);
/** Kernel memory of all TCP sockets (both sides), in MB: not part of any process's RSS. */
function tcpKernelMb() {
  const m = /TCP: .*mem (\d+)/.exec(readFileSync('/proc/net/sockstat', 'utf8'));
  return m ? Math.round((Number(m[1]) * 4096) / 1048576) : null;
}

/**
 * Event-loop stalls of the server's processes between two times, from bench/loop-monitor.mjs
 * (one line per process per 500 ms window, with the longest delay seen in it): the longest
 * of all, and a typical one per broadcast (for each process, the median of its `posts`
 * longest windows; the worst process).
 */
function loopStalls(dir, from, to, posts) {
  if (!existsSync(dir)) return { max_ms: null, typical_ms: null };
  let max = 0;
  let typical = 0;
  for (const f of readdirSync(dir)) {
    const maxima = [];
    for (const line of readFileSync(path.join(dir, f), 'utf8').split('\n')) {
      if (!line) continue;
      const w = JSON.parse(line);
      if (w.t >= from && w.t <= to + 600) maxima.push(w.max_ms);
    }
    if (!maxima.length) continue;
    maxima.sort((a, b) => b - a);
    max = Math.max(max, maxima[0]);
    typical = Math.max(typical, median(maxima.slice(0, posts)));
  }
  return { max_ms: round(max, 1), typical_ms: round(typical, 1) };
}

// ---------------------------------------------------------------- client processes

/** Forks the client processes; resolves once every reader is connected (or has given up). */
async function startClients(port, since, phase, serverPid, streamPath = `${STREAM_PATH}?since=${since}`, idFromData = false) {
  const batch = Math.max(50, Math.floor(1000 / PROCS));
  const procs = [];
  let first = 0;
  for (let i = 0; i < PROCS; i++) {
    const count = Math.floor(CLIENTS / PROCS) + (i < CLIENTS % PROCS ? 1 : 0);
    const cfg = { port, path: streamPath, since, count, first, perIp: PER_IP, batch, idFromData };
    first += count;
    const logFile = path.join(tmpDir, `clients-${phase}-${i}.log`);
    const out = openSync(logFile, 'a');
    const child = fork(CLIENTS_JS, [JSON.stringify(cfg)], { detached: true, serialization: 'advanced', stdio: ['ignore', out, out, 'ipc'] });
    closeSync(out);
    track(child, `client process ${i} (${phase})`, logFile);
    child.state = { connected: 0, failed: 0, done: false };
    child.waiters = new Map();
    child.on('message', (m) => {
      if (m.type === 'ramp') Object.assign(child.state, { connected: m.connected, failed: m.failed });
      if (m.type === 'connected') Object.assign(child.state, { connected: m.connected, failed: m.failed, done: true, ms: m.ms });
      const w = child.waiters.get(m.type);
      if (w) {
        child.waiters.delete(m.type);
        w(m);
      }
    });
    procs.push(child);
  }
  const t0 = Date.now();
  const deadline = t0 + 60_000 + CLIENTS * 5;
  let lastLog = 0;
  /** The server's memory once half the readers are in: the rest show what one more reader costs. */
  let half;
  for (;;) {
    const connected = procs.reduce((a, c) => a + c.state.connected, 0);
    const failed = procs.reduce((a, c) => a + c.state.failed, 0);
    if (!half && connected >= CLIENTS / 2) half = { n: connected, kb: treeRss(serverPid).kb };
    if (procs.every((c) => c.state.done)) {
      log(`  ${connected} readers connected in ${((Date.now() - t0) / 1000).toFixed(1)} s (${failed} gave up) from ${PROCS} processes`);
      return { procs, connected, failed, connectS: (Date.now() - t0) / 1000, half };
    }
    if (procs.some((c) => !alive(c))) throw new Error('a client process died while connecting (see its log)');
    if (Date.now() > deadline) throw new Error(`only ${connected} of ${CLIENTS} readers connected in ${(deadline - t0) / 1000} s`);
    if (Date.now() - lastLog > 5000) {
      lastLog = Date.now();
      log(`  connecting: ${connected}/${CLIENTS}`);
    }
    await sleep(100);
  }
}

/** Sends {type} (plus extra) to a client process and resolves with its answer of the same type. */
function ask(child, type, extra = {}, timeoutMs = 60_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`client process ${child.pid} did not answer '${type}'`)), timeoutMs);
    child.waiters.set(type, (m) => {
      clearTimeout(timer);
      resolve(m);
    });
    child.send({ type, ...extra });
  });
}

async function closeClients(procs) {
  for (const c of procs) {
    c.expectedExit = true;
    if (c.connected) c.send({ type: 'close' });
  }
  const deadline = Date.now() + 10_000;
  while (procs.some(alive) && Date.now() < deadline) await sleep(50);
  await stopChildren(procs);
}

// ---------------------------------------------------------------- one phase

/** A post like a newsroom's: a title, a byline and three paragraphs with a little markup. */
function postBody(n) {
  const para = (i) =>
    `Update ${n}.${i}: emergency crews reported **new flooding** along the river road after the overnight storm, ` +
    `and officials urged residents of low-lying streets to _stay indoors_ until the water recedes. ` +
    `Shelters remain open at the [community centre](https://example.org/shelters) and two schools.`;
  return {
    title: `Storm update ${n}: river levels still rising`,
    label: 'breaking',
    contributors: [{ name: 'Fan-out Bench', role: 'Reporter' }],
    body: [1, 2, 3].map((i) => ({ type: 'paragraph', text: para(i) })),
    status: 'published',
  };
}

/**
 * Runs one server through the whole protocol: readers connect, posts go out one interval
 * apart, every delivery is collected. `server` = {name, port, child, publish(n) → {seq, id, sentAt, doneAt}, since, loopDir}.
 */
async function measure(server) {
  const { name, port, child } = server;
  await sleep(1000);
  const idle = treeRss(child.pid);
  log(`${name}: idle rss ${(idle.kb / 1024).toFixed(0)} MB (${idle.each.length} process(es)); ${CLIENTS} readers from ${PROCS} client processes, since=${server.since}`);

  const { procs, connected, failed, connectS, half } = await startClients(port, server.since, name, child.pid, server.path, server.idFromData);
  await sleep(2000); // let the server settle (GC) before reading its memory
  const conn = treeRss(child.pid);
  const tcpMb = tcpKernelMb();
  log(`${name}: rss with readers ${(conn.kb / 1024).toFixed(0)} MB (${conn.each.map((e) => `${e.pid}: ${(e.kb / 1024).toFixed(0)}`).join(', ')}); ` +
    `+${((conn.kb - idle.kb) / CLIENTS).toFixed(2)} KB per reader; kernel TCP memory (both sides) ${tcpMb} MB`);

  for (const c of procs) c.send({ type: 'reset' });
  const cpu0 = treeCpu(child.pid);
  const clientCpu0 = procs.reduce((a, c) => a + cpuSeconds(c.pid), 0);
  const snap0 = cpuSnapshot();
  const mcpu0 = machineCpu();
  const published = [];
  const publishErrors = [];
  const start = now() + 200;
  log(`${name}: publishing ${POSTS} posts, ${INTERVAL} ms apart`);
  for (let n = 0; n < POSTS; n++) {
    const wait = start + n * INTERVAL - now();
    if (wait > 0) await sleep(wait);
    try {
      published.push(await server.publish(n + 1));
    } catch (e) {
      publishErrors.push(String(e.message ?? e));
      log(`  publish ${n + 1} failed: ${e.message ?? e}`);
    }
    if ((n + 1) % 10 === 0 || n + 1 === POSTS) log(`  published ${n + 1}/${POSTS}`);
  }
  const lastPublish = now();
  const expected = CLIENTS * published.length;
  let received = 0;
  for (;;) {
    const st = await Promise.all(procs.map((c) => ask(c, 'status')));
    received = st.reduce((a, s) => a + s.received, 0);
    if (received >= expected || now() - lastPublish > TAIL_MS) break;
    await sleep(200);
  }
  const deliveredAt = now();
  const cpuS = treeCpu(child.pid) - cpu0;
  const clientCpuS = procs.reduce((a, c) => a + cpuSeconds(c.pid), 0) - clientCpu0;
  const ours = new Set([process.pid, ...processTree(child.pid), ...procs.map((c) => c.pid)]);
  const share = cpuShare(snap0, cpuSnapshot(), mcpu0, machineCpu(), ours);
  log(`${name}: cpu during publishing: server ${cpuS.toFixed(1)} s, clients ${clientCpuS.toFixed(1)} s, machine busy ${share.busy_s} s (softirq ${share.softirq_s} s), ` +
    `other processes ${share.other_s} s${share.other_top ? ` (${share.other_top})` : ''}`);
  const end = treeRss(child.pid);
  log(`${name}: ${received}/${expected} deliveries seen ${((deliveredAt - lastPublish) / 1000).toFixed(2)} s after the last publish; rss ${(end.kb / 1024).toFixed(0)} MB; server cpu ${cpuS.toFixed(1)} s`);

  // Date.now() − (timeOrigin + now()) in each process: how far apart their clocks are.
  const parentOffset = Date.now() - now();
  const sentPairs = published.map((p) => [p.seq, p.sentAt]);
  const reports = [];
  for (const c of procs) reports.push(await ask(c, 'report', { sent: sentPairs }, 120_000));
  await closeClients(procs);
  const loop = loopStalls(server.loopDir, start, deliveredAt, published.length);

  // Figures.
  const lat = [];
  const perPost = [];
  for (const [seq] of sentPairs) {
    const arrs = reports.map((r) => r.latencies.find(([s]) => s === seq)?.[1] ?? new Float64Array(0));
    const one = new Float64Array(arrs.reduce((a, x) => a + x.length, 0));
    let o = 0;
    for (const a of arrs) {
      one.set(a, o);
      o += a.length;
    }
    one.sort();
    perPost.push({ seq, n: one.length, p50: pct(one, 50), p99: pct(one, 99), last: one.length ? one[one.length - 1] : null });
    lat.push(one);
  }
  const all = new Float64Array(lat.reduce((a, x) => a + x.length, 0));
  {
    let o = 0;
    for (const a of lat) {
      all.set(a, o);
      o += a.length;
    }
  }
  all.sort();
  const sum = (k) => reports.reduce((a, r) => a + r[k], 0);
  const deliveries = sum('delivered');
  // Content check: the first reader of every client process saw, for each seq, a
  // post.published event naming the post that publish created.
  let contentErrors = 0;
  const ids = new Map(published.map((p) => [p.seq, p.id]));
  let frameBytes = 0;
  let htmlBytes = 0;
  for (const r of reports) {
    const sample = new Map(r.sample);
    for (const [seq, id] of ids) {
      const s = sample.get(seq);
      if (!s || s.type !== 'post.published' || s.id !== id || s.seq !== seq || !(s.htmlBytes > 0)) contentErrors++;
      else {
        frameBytes = Math.max(frameBytes, s.frameBytes);
        htmlBytes = Math.max(htmlBytes, s.htmlBytes);
      }
    }
  }
  const errors = {};
  for (const r of reports) for (const [k, v] of Object.entries(r.errors)) errors[k] = (errors[k] ?? 0) + v;
  const publishMs = published.map((p) => p.doneAt - p.sentAt).sort((a, b) => a - b);
  const result = {
    name,
    connected,
    connect_failed: failed,
    connect_s: round(connectS, 1),
    published: published.length,
    publish_errors: publishErrors.length,
    expected: CLIENTS * published.length,
    deliveries,
    lost: CLIENTS * published.length - deliveries,
    duplicates: sum('duplicates'),
    out_of_order: sum('outOfOrder'),
    extra_events: sum('extra'),
    seq_mismatches: sum('mismatches'),
    bad_frames: sum('badFrames'),
    content_errors: contentErrors,
    drops: sum('drops'),
    reconnects: sum('reconnects'),
    connect_errors: sum('connectErrors'),
    non200: sum('non200'),
    socket_errors: errors,
    p50_ms: round(pct(all, 50), 2),
    p90_ms: round(pct(all, 90), 2),
    p99_ms: round(pct(all, 99), 2),
    p999_ms: round(pct(all, 99.9), 2),
    max_ms: round(all.length ? all[all.length - 1] : NaN, 2),
    min_ms: round(all.length ? all[0] : NaN, 2),
    worst_post_p99_ms: round(Math.max(...perPost.map((p) => p.p99 ?? 0)), 2),
    last_receipt_ms_median: round(median(perPost.map((p) => p.last ?? Infinity)), 2),
    last_receipt_ms_max: round(Math.max(...perPost.map((p) => p.last ?? Infinity)), 2),
    publish_ms_p50: round(pct(publishMs, 50), 2),
    publish_ms_max: round(publishMs.length ? publishMs[publishMs.length - 1] : NaN, 2),
    rss_idle_mb: round(idle.kb / 1024, 1),
    rss_connected_mb: round(conn.kb / 1024, 1),
    rss_end_mb: round(end.kb / 1024, 1),
    per_connection_kb: round((conn.kb - idle.kb) / CLIENTS, 2),
    per_connection_kb_end: round((end.kb - idle.kb) / CLIENTS, 2),
    // What the second half of the readers added, per reader: without what the process grows
    // by once whatever the readers' number (V8's young generation, buffers, code).
    per_connection_kb_marginal: half && connected > half.n ? round((conn.kb - half.kb) / (connected - half.n), 2) : null,
    processes: conn.each.length,
    tcp_kernel_mb: tcpMb,
    cpu_s: round(cpuS, 1),
    client_cpu_s: round(clientCpuS, 1),
    machine_busy_s: share.busy_s,
    other_cpu_s: share.other_s,
    other_top: share.other_top,
    window_s: round((deliveredAt - start) / 1000, 1),
    // Share of the machine's CPU time that other people's processes took during the window.
    other_cpu_share: round(share.other_s / (((deliveredAt - start) / 1000) * os.cpus().length), 3),
    loop_delay_max_ms: loop.max_ms,
    loop_delay_typical_ms: loop.typical_ms,
    client_loop_delay_max_ms: round(Math.max(...reports.map((r) => r.loopMaxMs)), 1),
    client_rss_mb: Math.max(...reports.map((r) => r.rssMb)),
    clock_offset_spread_ms: round(Math.max(parentOffset, ...reports.map((r) => r.clockOffsetMs)) - Math.min(parentOffset, ...reports.map((r) => r.clockOffsetMs)), 3),
    frame_bytes: frameBytes,
    html_bytes: htmlBytes,
  };
  log(`${name}: ${result.deliveries}/${result.expected} delivered, lost ${result.lost}, duplicates ${result.duplicates}, drops ${result.drops}; ` +
    `p50 ${result.p50_ms} ms, p99 ${result.p99_ms} ms, max ${result.max_ms} ms; server event-loop stall max ${result.loop_delay_max_ms} ms, typical ${result.loop_delay_typical_ms} ms per post`);
  return result;
}

function pct(sorted, p) {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
function round(x, d) {
  if (x === null || x === undefined || !Number.isFinite(x)) return x === Infinity ? null : (x ?? null);
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

async function stopServer(child) {
  child.expectedExit = true;
  await stopChildren([child]);
}

// ---------------------------------------------------------------- main

/** The servers' NODE_OPTIONS: the event-loop monitor, preloaded. */
const serverNodeOptions = () => `--import ${LOOP_MONITOR}`;
/** Node flags of a server (cluster workers inherit them): with --cpu-prof, a profile per process on exit. */
const serverFlags = (name) => (opts['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${path.join(tmpDir, `prof-${name}`)}`] : []);

async function main() {
  const cpus = os.cpus();
  log(`machine: ${cpus.length} CPU(s) (${cpus[0]?.model?.trim() ?? 'unknown'}), node ${process.version}; ` +
    `${CLIENTS} readers, ${POSTS} posts ${INTERVAL} ms apart, ${WORKERS} server process(es), ${PROCS} client processes`);
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run "npm run build" first (npm run bench:fanout does).');
  tmpDir = mkdtempSync(path.join(os.tmpdir(), 'livepage-fanout-'));
  log(`temp dir ${tmpDir}`);

  // 1. livepage: a fresh store (seeded with the admin and the demo page on first start).
  const dataDir = path.join(tmpDir, 'data');
  mkdirSync(dataDir);
  const lpLoop = path.join(tmpDir, 'loop-livepage');
  mkdirSync(lpLoop);
  const baseEnv = { ...process.env, LIVEPAGE_DATA_DIR: dataDir, HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'production' };
  delete baseEnv.DATABASE_URL; // always the embedded SQLite store
  delete baseEnv.LIVEPAGE_PUBLIC_URL;
  delete baseEnv.NODE_OPTIONS;
  const lpPort = await freePort();
  const serverEnv = { ...baseEnv, PORT: String(lpPort), NODE_OPTIONS: serverNodeOptions(), FANOUT_LOOP_DIR: lpLoop };
  const lp = startChild(process.execPath, [...serverFlags('livepage'), CLI, 'serve', '--workers', String(WORKERS)], { env: serverEnv, logFile: path.join(tmpDir, 'livepage.log'), name: 'livepage' });
  await waitFor(lpPort, `/api/v1/pages/${SLUG}`, lp, 'livepage');
  log(`livepage on :${lpPort} (pid ${lp.pid}, serve --workers ${WORKERS})`);
  const token = (await run(process.execPath, [CLI, 'token', 'create', '--email', ADMIN_EMAIL], { env: baseEnv })).stdout.trim().split('\n').pop();
  const auth = { authorization: `Bearer ${token}` };
  const lpPublish = async (n) => {
    const r = await request(lpPort, 'POST', `/api/v1/pages/${SLUG}/posts`, { body: postBody(n), headers: auth, agent: publishAgent });
    if (r.status !== 201) throw new Error(`POST posts: ${r.status} ${r.body.slice(0, 300)}`);
    const j = JSON.parse(r.body);
    return { seq: j.seq, id: j.id, sentAt: r.sentAt, doneAt: r.doneAt };
  };
  // One post before the readers come: warms the publishing path and shows the frame the
  // readers will get (the baseline sends the same html).
  const warm = await lpPublish(0);
  const upd = await request(lpPort, 'GET', `/live/${SLUG}/updates?since=${warm.seq - 1}`);
  const warmEvent = JSON.parse(upd.body).events.find((e) => e.id === warm.seq);
  if (!warmEvent || warmEvent.type !== 'post.published' || warmEvent.data.id !== warm.id) throw new Error(`unexpected warm-up event: ${upd.body.slice(0, 300)}`);
  const html = warmEvent.data.html;
  const page = JSON.parse((await request(lpPort, 'GET', `/api/v1/pages/${SLUG}`)).body);
  log(`warm-up post ${warm.id} is seq ${warm.seq}; its html is ${Buffer.byteLength(html)} bytes; page seq now ${page.seq}`);

  const phases = [];
  const livepage = await measure({ name: 'livepage', port: lpPort, child: lp, publish: lpPublish, since: page.seq, loopDir: lpLoop });
  phases.push(livepage);
  await stopServer(lp);

  // 2. The baseline: same readers, same frames, same schedule.
  let baseline;
  if (!opts['no-baseline']) {
    await sleep(2000);
    const blPort = await freePort();
    const blLoop = path.join(tmpDir, 'loop-baseline');
    mkdirSync(blLoop);
    const bl = startChild(process.execPath, [...serverFlags('baseline'), BASELINE_JS, String(blPort), STREAM_PATH, String(WORKERS), BASELINE_MODE], {
      env: { ...baseEnv, NODE_OPTIONS: serverNodeOptions(), FANOUT_LOOP_DIR: blLoop },
      logFile: path.join(tmpDir, 'baseline.log'),
      name: 'baseline',
    });
    await waitFor(blPort, '/health', bl, 'baseline');
    log(`baseline node:http broadcaster (${BASELINE_MODE === 'direct' ? 'direct socket writes' : 'res.write'}) on :${blPort} (pid ${bl.pid}, ${WORKERS} process(es)${WORKERS > 1 ? ' + primary' : ''})`);
    const blPublish = async () => {
      const id = randomUUID();
      const r = await request(blPort, 'POST', '/publish', { body: { id, html }, agent: publishAgent });
      if (r.status !== 201) throw new Error(`POST /publish: ${r.status} ${r.body.slice(0, 300)}`);
      const j = JSON.parse(r.body);
      return { seq: j.seq, id: j.id, sentAt: r.sentAt, doneAt: r.doneAt };
    };
    baseline = await measure({ name: 'baseline', port: blPort, child: bl, publish: blPublish, since: 0, loopDir: blLoop });
    phases.push(baseline);
    await stopServer(bl);
  }
  // 3. The push servers operators would put in front instead, fed a payload of our frame's
  // size: nchan (nginx, one worker) and Pushpin (its stock processes, rate limit lifted).
  const peers = {};
  if (!opts['no-peers']) {
    const payload = (seq, id) => JSON.stringify({ seq, id, html });
    if (hasNginx({ nchan: true })) {
      await sleep(2000);
      const port = await freePort();
      const prefix = path.join(tmpDir, 'nchan');
      const nc = await startNginx({ prefix, config: nchanConfig({ prefix, port, connections: CLIENTS + 100 }), name: 'nchan', probe: () => request(port, 'GET', '/health') });
      log(`nchan on :${port} (pid ${nc.pid}, nginx worker_processes 1)`);
      let seq = 0;
      const ncPublish = async () => {
        const id = randomUUID();
        const r = await request(port, 'POST', '/pub', { body: payload(++seq, id), agent: publishAgent });
        if (r.status !== 201 && r.status !== 202) throw new Error(`POST /pub: ${r.status} ${r.body.slice(0, 300)}`);
        return { seq, id, sentAt: r.sentAt, doneAt: r.doneAt };
      };
      peers.nchan = await measure({ name: 'nchan', port, child: nc, publish: ncPublish, since: 0, path: '/sub', idFromData: true, loopDir: path.join(tmpDir, 'none') });
      phases.push(peers.nchan);
      await stopServer(nc);
    } else log('nchan: SKIPPED — nginx or libnginx-mod-nchan is not installed');
    if (hasPushpin()) {
      await sleep(2000);
      // The origin: answers each stream request with hold instructions only (nothing else reaches it).
      const origin = http.createServer((req, res) => {
        if (req.url === '/health') return void res.end('ok');
        res.writeHead(200, { 'content-type': 'text/event-stream', 'grip-hold': 'stream', 'grip-channel': 'bench' });
        res.end('retry: 2000\n\n');
      });
      await new Promise((r) => origin.listen(0, '127.0.0.1', r));
      const pp = await startPushpin({ dir: path.join(tmpDir, 'pushpin'), routes: [`127.0.0.1:${origin.address().port}`], sigKey: randomUUID(), startChild, freePort, maxConn: CLIENTS + 1000 });
      await waitFor(pp.httpPort, '/health', pp.child, 'pushpin');
      log(`pushpin on :${pp.httpPort} (pid ${pp.child.pid}; publish :${pp.publishPort})`);
      let seq = 0;
      const ppPublish = async () => {
        const id = randomUUID();
        const n = ++seq;
        const content = `id: ${n}\nevent: post.published\ndata: ${payload(n, id)}\n\n`;
        const r = await request(pp.publishPort, 'POST', '/publish/', { body: { items: [{ channel: 'bench', id: String(n), formats: { 'http-stream': { content } } }] }, agent: publishAgent });
        if (r.status !== 200) throw new Error(`POST /publish/: ${r.status} ${r.body.slice(0, 300)}`);
        return { seq: n, id, sentAt: r.sentAt, doneAt: r.doneAt };
      };
      peers.pushpin = await measure({ name: 'pushpin', port: pp.httpPort, child: pp.child, publish: ppPublish, since: 0, path: '/events', loopDir: path.join(tmpDir, 'none') });
      phases.push(peers.pushpin);
      await stopServer(pp.child);
      origin.close();
    } else log('pushpin: SKIPPED — pushpin is not installed');
  }
  publishAgent.destroy();

  const ok = phases.every((p) => p.lost === 0 && p.duplicates === 0 && p.content_errors === 0 && p.publish_errors === 0 && p.connected === CLIENTS);
  const ratio = baseline ? livepage.p99_ms / baseline.p99_ms : null;
  const result = {
    clients: CLIENTS,
    posts: POSTS,
    deliveries: livepage.deliveries,
    lost: livepage.lost,
    duplicates: livepage.duplicates,
    p50_ms: livepage.p50_ms,
    p99_ms: livepage.p99_ms,
    max_ms: livepage.max_ms,
    server_rss_mb: Math.round(Math.max(livepage.rss_connected_mb, livepage.rss_end_mb)),
    baseline_p99_ms: baseline?.p99_ms ?? null,
    baseline_p50_ms: baseline?.p50_ms ?? null,
    baseline_max_ms: baseline?.max_ms ?? null,
    baseline_rss_mb: baseline ? Math.round(Math.max(baseline.rss_connected_mb, baseline.rss_end_mb)) : null,
    baseline_lost: baseline?.lost ?? null,
    baseline_duplicates: baseline?.duplicates ?? null,
    p99_ratio: ratio === null ? null : round(ratio, 3),
    per_connection_kb: Math.max(livepage.per_connection_kb, livepage.per_connection_kb_end),
    baseline_per_connection_kb: baseline ? Math.max(baseline.per_connection_kb, baseline.per_connection_kb_end) : null,
    per_connection_kb_marginal: livepage.per_connection_kb_marginal,
    baseline_per_connection_kb_marginal: baseline?.per_connection_kb_marginal ?? null,
    baseline_mode: baseline ? BASELINE_MODE : null,
    interval_ms: INTERVAL,
    workers: WORKERS,
    client_processes: PROCS,
    source_addresses: Math.ceil(CLIENTS / PER_IP),
    order: phases.map((p) => p.name).join(','),
    targets: {
      lost_0: livepage.lost === 0,
      duplicates_0: livepage.duplicates === 0,
      p99_le_250ms: livepage.p99_ms <= 250,
      le_10kb_per_connection: Math.max(livepage.per_connection_kb, livepage.per_connection_kb_end) <= 10,
      p99_within_1_25x_baseline: ratio === null ? null : ratio <= 1.25,
      p99_le_nchan: peers.nchan ? livepage.p99_ms <= peers.nchan.p99_ms : null,
      le_8kb_per_connection: Math.max(livepage.per_connection_kb, livepage.per_connection_kb_end) <= 8,
    },
    ...Object.fromEntries(
      Object.entries(peers).flatMap(([k, p]) => [
        [`${k}_p50_ms`, p.p50_ms],
        [`${k}_p99_ms`, p.p99_ms],
        [`${k}_max_ms`, p.max_ms],
        [`${k}_per_connection_kb`, Math.max(p.per_connection_kb, p.per_connection_kb_end)],
        [`${k}_lost`, p.lost],
      ]),
    ),
    livepage,
    baseline: baseline ?? null,
    nchan: peers.nchan ?? null,
    pushpin: peers.pushpin ?? null,
    load_average: os.loadavg().map((l) => round(l, 2)),
    cpus: cpus.length,
    node: process.version,
    // Undisturbed: other processes took under 5% of the machine in every phase (else rerun).
    quiet: phases.every((p) => p.other_cpu_share < QUIET_SHARE),
    ok,
  };
  return result;
}

await runMain(main, { showLogs: () => showLogTails(tmpDir) });
