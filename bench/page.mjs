#!/usr/bin/env node
/**
 * Page-serving benchmark (SPEC §5): requests per second for page 1 of a live page with
 * N posts, served by livepage, against nginx serving the very same bytes as a static
 * file — on the same machine, in the same run, with the same load generator settings.
 * A third server, a bare node:http script (bench/node-static.mjs) sending the same bytes
 * with the same headers from memory, shows the ceiling any Node.js server reaches here.
 *
 *   npm run bench:page [-- --posts 200 --duration 5 --connections 50 --warmup 3 --rounds 3]
 *
 * Two runs, one after the other: readers sending no Accept-Encoding (the identity bytes),
 * then readers sending `Accept-Encoding: br` — livepage's Brotli bytes, made once per
 * version, against nginx with brotli_static (Debian's libnginx-mod-http-brotli-static)
 * serving the very same precompressed bytes, and the bare node:http server sending them.
 *
 * Progress goes to stderr; the last line of stdout is one JSON object:
 *   {"posts", "rps", "p99_ms", "static_rps", "ratio", "node_rps", "ratio_to_node", "rounds", ...,
 *    "br": {"rps", "static_rps", "ratio", "node_rps", "ratio_to_node", "bytes", "rounds", ...},
 *    "br_speedup"}
 * ratio = rps / static_rps and ratio_to_node = rps / node_rps, each the median of the
 * rounds' ratios; br_speedup = br.rps / rps (the compressed run's requests per second over
 * the uncompressed run's). See docs/performance.md for how to read them.
 *
 * Needs nginx with brotli_static and (preferably) wrk; as root it installs Debian's
 * nginx-light, libnginx-mod-http-brotli-static and wrk with apt-get when they are missing. Without wrk it falls back to bench/http-load.mjs
 * (node:http keep-alive loop in a child process) and says so in "load_generator".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { armCleanup, freePort, run, runMain, startChild, waitForOk } from './lib/processes.mjs';
import { benchDocument } from './page-content.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'bin', 'livepage.js');
const SLUG = 'bench-election-night';
/** What the compressed run's readers send. */
const BR = { 'accept-encoding': 'br' };
/** Debian's libnginx-mod-http-brotli-static. */
const BROTLI_STATIC_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

const HELP = `Usage: node bench/page.mjs [--posts N] [--duration S] [--connections C] [--warmup S] [--rounds R] [--keep]

  --posts N        posts on the live page (default 200)
  --duration S     seconds of load against each server per round (default 5)
  --connections C  concurrent keep-alive connections (default 50)
  --warmup S       seconds of load against each server before measuring (default 3)
  --rounds R       measure livepage, nginx and the bare node:http server R times, rotating
                   the order each round, and report medians (default 3): this machine's
                   speed drifts, so one back-to-back set can mislead
  --workers W      livepage server processes (serve --workers W) and nginx worker_processes
                   (default 1: one process each, like the bare node:http server)
  --keep           keep the temporary directory (data, page.html, nginx.conf, logs)
  --generator G    wrk (default; installed if missing, else falls back to node) or node
                   (the node:http keep-alive loop of bench/http-load.mjs)
`;

const { values: opts } = parseArgs({
  options: {
    posts: { type: 'string', default: '200' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '3' },
    workers: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    generator: { type: 'string', default: 'wrk' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opts.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
const POSTS = positiveInt('posts', opts.posts);
const DURATION = positiveInt('duration', opts.duration);
const CONNECTIONS = positiveInt('connections', opts.connections);
const ROUNDS = positiveInt('rounds', opts.rounds);
const WORKERS = positiveInt('workers', opts.workers);
const WARMUP = Number(opts.warmup);
if (!Number.isFinite(WARMUP) || WARMUP < 0) usage('--warmup must be a number of seconds ≥ 0');
if (!['wrk', 'node'].includes(opts.generator)) usage('--generator must be wrk or node');

function positiveInt(name, v) {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) usage(`--${name} must be a positive integer`);
  return n;
}
function usage(msg) {
  process.stderr.write(`bench:page: ${msg}\n\n${HELP}`);
  process.exit(2);
}

const log = (msg) => process.stderr.write(`[bench:page] ${msg}\n`);

// ---------------------------------------------------------------- clean-up

let tmpDir;
armCleanup({
  log,
  tmpDir: () => tmpDir,
  keep: opts.keep,
  // Any nginx worker left behind (the group kill should have taken it).
  beforeRemove() {
    if (!tmpDir || !existsSync(path.join(tmpDir, 'nginx', 'nginx.pid'))) return;
    const pid = Number(readFileSync(path.join(tmpDir, 'nginx', 'nginx.pid'), 'utf8').trim());
    if (pid) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  },
});

// ---------------------------------------------------------------- tools

function which(name) {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  for (const d of dirs) {
    const p = path.join(d, name);
    if (d && existsSync(p)) return p;
  }
  return null;
}

let aptUpdated = false;
function aptInstall(packages) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !which('apt-get')) return false;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    log('apt-get update');
    const u = spawnSync('apt-get', ['update', '-q'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    aptUpdated = u.status === 0;
    if (!aptUpdated) return false;
  }
  for (const pkg of packages) {
    log(`apt-get install ${pkg}`);
    const r = spawnSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', pkg], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status === 0) return true;
  }
  return false;
}

function ensureNginx() {
  let nginx = which('nginx');
  if (!nginx) {
    log('nginx not found; installing');
    if (!aptInstall(['nginx-light', 'nginx'])) {
      throw new Error('nginx is needed as the static baseline and is not installed. Install it (Debian: apt-get install nginx-light) or run as root so this script can.');
    }
    nginx = which('nginx');
  }
  if (!nginx) throw new Error('nginx was installed but is not on PATH or in /usr/sbin.');
  return nginx;
}

function ensureWrk() {
  let wrk = which('wrk');
  if (!wrk) {
    log('wrk not found; installing');
    if (aptInstall(['wrk'])) wrk = which('wrk');
  }
  if (!wrk) log('wrk unavailable: falling back to the node:http load loop (bench/http-load.mjs)');
  return wrk;
}

function versionOf(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  const text = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n')[0] ?? '';
  return text;
}

// ---------------------------------------------------------------- HTTP helpers

/**
 * One GET with a fresh connection; resolves to { status, headers, rawHeaders, body: Buffer }.
 * By default it asks for Connection: close; with keepAlive it asks the way wrk does, so the
 * headers are those every benchmark response carries.
 */
function get(url, { keepAlive = false, headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const agent = keepAlive ? new http.Agent({ keepAlive: true, maxSockets: 1 }) : false;
    const done = () => agent && agent.destroy();
    const req = http.get(url, { agent, headers: { ...headers, ...(keepAlive ? {} : { connection: 'close' }) } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        done();
        resolve({ status: res.statusCode, headers: res.headers, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks) });
      });
      res.on('error', reject);
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`timeout: GET ${url}`)));
    req.on('error', (e) => {
      done();
      reject(e);
    });
  });
}

/** The exact size of the response wrk would receive (status line + headers + body). */
function rawResponseSize(port, pathname, extraHeaders = '') {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1');
    let n = 0;
    sock.on('data', (d) => (n += d.length));
    sock.on('end', () => resolve(n));
    sock.on('error', reject);
    sock.setTimeout(10_000, () => sock.destroy(new Error('timeout measuring response size')));
    sock.write(`GET ${pathname} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${extraHeaders}Connection: close\r\n\r\n`);
  });
}

/** Polls GET url until it answers 200 (or child exits). */
const waitFor = (url, child, name) => waitForOk(() => get(url), { child, name, what: url, timeoutMs: 30_000 });

function rssMb(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- load

const WRK_LUA = `
-- Prints the run's figures as one JSON line, so nothing depends on wrk's text layout.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests":%d,"duration_us":%d,"bytes":%d,"connect_errors":%d,"read_errors":%d,"write_errors":%d,"non2xx":%d,"timeouts":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,"mean_us":%.1f}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
`;

/** Runs the load generator against url for seconds; returns normalised figures. */
async function load(gen, url, seconds, headers = {}) {
  if (gen.kind === 'wrk') {
    const h = Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]);
    const { stdout } = await run(gen.path, ['-t1', `-c${CONNECTIONS}`, `-d${seconds}s`, '--timeout', '10s', '--latency', ...h, '-s', gen.script, url]);
    const line = stdout.split('\n').find((l) => l.startsWith('WRK_JSON '));
    if (!line) throw new Error(`could not read wrk's output:\n${stdout}`);
    const w = JSON.parse(line.slice('WRK_JSON '.length));
    const secs = w.duration_us / 1e6;
    return {
      requests: w.requests,
      rps: w.requests / secs,
      bytes_per_response: w.requests ? w.bytes / w.requests : 0,
      errors: w.connect_errors + w.read_errors + w.write_errors + w.timeouts,
      non2xx: w.non2xx,
      p50_ms: w.p50_us / 1000,
      p90_ms: w.p90_us / 1000,
      p99_ms: w.p99_us / 1000,
      max_ms: w.max_us / 1000,
    };
  }
  const { stdout } = await run(process.execPath, [path.join(ROOT, 'bench', 'http-load.mjs'), url, String(CONNECTIONS), String(seconds), JSON.stringify(headers)]);
  const h = JSON.parse(stdout.trim().split('\n').pop());
  return {
    requests: h.requests,
    rps: h.rps,
    body_bytes_per_response: h.requests ? h.bytes / h.requests : 0,
    errors: h.socket_errors,
    non2xx: h.non2xx,
    p50_ms: h.p50_ms,
    p90_ms: h.p90_ms,
    p99_ms: h.p99_ms,
    max_ms: h.max_ms,
  };
}

// ---------------------------------------------------------------- main

async function main() {
  const cpus = os.cpus();
  log(`machine: ${cpus.length} CPU(s) (${cpus[0]?.model?.trim() ?? 'unknown'}), node ${process.version}`);
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run "npm run build" first (npm run bench:page does).');

  const nginxPath = ensureNginx();
  if (!existsSync(BROTLI_STATIC_MODULE) && !aptInstall(['libnginx-mod-http-brotli-static']))
    throw new Error(`nginx's brotli_static module is needed for the compressed run (${BROTLI_STATIC_MODULE}): apt-get install libnginx-mod-http-brotli-static`);
  const wrkPath = opts.generator === 'wrk' ? ensureWrk() : null;
  tmpDir = mkdtempSync(path.join(os.tmpdir(), 'livepage-bench-'));
  log(`temp dir ${tmpDir}`);
  const gen = wrkPath ? { kind: 'wrk', path: wrkPath, script: path.join(tmpDir, 'report.lua') } : { kind: 'node-http' };
  if (gen.kind === 'wrk') writeFileSync(gen.script, WRK_LUA);

  // 1. The page: generate, import.
  const dataDir = path.join(tmpDir, 'data');
  mkdirSync(dataDir);
  const serverEnv = { ...process.env, LIVEPAGE_DATA_DIR: dataDir, HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'production' };
  delete serverEnv.DATABASE_URL; // always the embedded SQLite store, never someone's PostgreSQL
  delete serverEnv.LIVEPAGE_PUBLIC_URL;
  const doc = benchDocument(POSTS, { slug: SLUG });
  const importFile = path.join(tmpDir, 'import.json');
  writeFileSync(importFile, JSON.stringify(doc));
  log(`importing a ${POSTS}-post page (${(JSON.stringify(doc).length / 1024).toFixed(0)} KiB of JSON)`);
  const imported = await run(process.execPath, [CLI, 'import', importFile], { env: serverEnv });
  log(imported.stdout.trim());

  // 2. livepage.
  const lpPort = await freePort();
  serverEnv.PORT = String(lpPort);
  const server = startChild(process.execPath, [CLI, 'serve', '--workers', String(WORKERS)], { env: serverEnv, logFile: path.join(tmpDir, 'livepage.log'), name: 'livepage' });
  const pagePath = `/live/${SLUG}`;
  const lpUrl = `http://127.0.0.1:${lpPort}${pagePath}`;
  const first = await waitFor(lpUrl, server, 'livepage');
  const html = first.body;
  const articles = (html.toString('utf8').match(/<article\b/g) ?? []).length;
  log(`livepage on :${lpPort} (pid ${server.pid}); page 1 is ${html.length} bytes, ${articles} <article>s, content-encoding ${first.headers['content-encoding'] ?? 'none'}`);
  writeFileSync(path.join(tmpDir, 'page.html'), html);
  // The same version in Brotli, as livepage makes it (once) for readers that accept it.
  const firstBr = await get(lpUrl, { headers: BR });
  if (firstBr.headers['content-encoding'] !== 'br') throw new Error(`livepage did not answer Accept-Encoding: br in Brotli (content-encoding ${firstBr.headers['content-encoding'] ?? 'none'})`);
  const brBody = firstBr.body;
  log(`page 1 in Brotli: ${brBody.length} bytes (${((100 * brBody.length) / html.length).toFixed(1)} % of ${html.length})`);

  // 3. nginx serving the same bytes at the same path.
  const ngDir = path.join(tmpDir, 'nginx');
  const www = path.join(ngDir, 'www');
  mkdirSync(path.join(www, 'live'), { recursive: true });
  for (const d of ['logs', 'client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(ngDir, d));
  writeFileSync(path.join(www, 'live', SLUG), html);
  writeFileSync(path.join(www, 'live', `${SLUG}.br`), brBody); // brotli_static sends it to readers accepting br
  const ngPort = await freePort();
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const conf = `# bench:page static baseline: as many workers as livepage has processes.
# Brotli: the precompressed page.br beside the page, sent when the reader accepts br.
load_module ${BROTLI_STATIC_MODULE};
${isRoot ? 'user root;' : '# not root: workers run as the current user'}
worker_processes ${WORKERS};
daemon off;
master_process on;
pid ${ngDir}/nginx.pid;
error_log ${ngDir}/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_timeout 65;
  keepalive_requests 1000000;
  open_file_cache max=16 inactive=60s;
  client_body_temp_path ${ngDir}/client_body;
  proxy_temp_path ${ngDir}/proxy;
  fastcgi_temp_path ${ngDir}/fastcgi;
  uwsgi_temp_path ${ngDir}/uwsgi;
  scgi_temp_path ${ngDir}/scgi;
  server {
    listen 127.0.0.1:${ngPort};
    root ${www};
    location /live/ {
      default_type text/html;
      charset utf-8;
      brotli_static on;
      gzip_vary on;
    }
  }
}
`;
  const confFile = path.join(ngDir, 'nginx.conf');
  writeFileSync(confFile, conf);
  const nginx = startChild(nginxPath, ['-p', ngDir, '-c', confFile, '-e', path.join(ngDir, 'logs', 'error.log')], {
    env: process.env,
    logFile: path.join(ngDir, 'logs', 'stderr.log'),
    name: 'nginx',
  });
  const ngUrl = `http://127.0.0.1:${ngPort}${pagePath}`;
  const staticFirst = await waitFor(ngUrl, nginx, 'nginx');
  if (!staticFirst.body.equals(html)) throw new Error('nginx does not serve the same bytes as livepage');
  const staticBr = await get(ngUrl, { headers: BR });
  if (staticBr.headers['content-encoding'] !== 'br' || !staticBr.body.equals(brBody)) throw new Error('nginx (brotli_static) does not serve the same Brotli bytes as livepage');
  log(`nginx on :${ngPort} (master pid ${nginx.pid}), worker_processes ${WORKERS}, serving the same ${staticFirst.body.length} bytes`);

  // 4. A bare node:http server sending the same bytes with livepage's own headers (read
  //    once, as wrk gets them on a keep-alive connection): the ceiling for any Node.js
  //    server on this machine. Date, Connection and Keep-Alive are left to node to add.
  //    A second one sends the Brotli bytes with livepage's headers for them.
  const bare = await startBareNode('node-static', lpUrl, pagePath, {}, html);
  const bareBr = await startBareNode('node-static-br', lpUrl, pagePath, BR, brBody);

  // 5. The uncompressed run, then the compressed one: same servers, same settings.
  const plain = await measureRun(gen, 'uncompressed', {}, html, [
    { key: 'lp', name: 'livepage', url: lpUrl, port: lpPort, pid: server.pid },
    { key: 'ng', name: 'nginx', url: ngUrl, port: ngPort },
    { key: 'node', name: 'node:http', url: bare.url, port: bare.port },
  ]);
  const br = await measureRun(gen, 'Accept-Encoding: br', BR, brBody, [
    { key: 'lp', name: 'livepage', url: lpUrl, port: lpPort, pid: server.pid },
    { key: 'ng', name: 'nginx (brotli_static)', url: ngUrl, port: ngPort },
    { key: 'node', name: 'node:http', url: bareBr.url, port: bareBr.port },
  ]);

  // 6. The page unchanged by the runs (both codings).
  const problems = [...plain.problems, ...br.problems];
  const after = await get(lpUrl);
  if (after.status !== 200 || !after.body.equals(html)) problems.push(`livepage's page changed during the run (status ${after.status}, ${after.body.length} bytes)`);
  const afterBr = await get(lpUrl, { headers: BR });
  if (!afterBr.body.equals(brBody)) problems.push("livepage's Brotli bytes changed during the run");
  for (const p of problems) log(`WARNING ${p}`);
  if (gen.kind !== 'wrk')
    log('NOTE the node:http load loop tops out at a few thousand requests/s here, so static_rps measures the loop more than nginx and the ratio comes out too high; use wrk for figures to quote.');

  const brSpeedup = br.lp.rps / plain.lp.rps;
  log(`compressed run: livepage ${Math.round(br.lp.rps)} req/s, ${brSpeedup.toFixed(2)}× the uncompressed run's ${Math.round(plain.lp.rps)}; ratio to nginx brotli_static ${br.ratio.toFixed(3)}`);
  const result = {
    posts: POSTS,
    ...summary(plain, html.length),
    articles_on_page: articles,
    br: summary(br, brBody.length),
    br_speedup: round(brSpeedup, 2),
    connections: CONNECTIONS,
    duration_s: DURATION,
    rounds_n: ROUNDS,
    warmup_s: WARMUP,
    cpus: cpus.length,
    load_generator: gen.kind === 'wrk' ? `${versionOf(wrkPath, ['--version']).split(' [')[0] || 'wrk'} -t1 -c${CONNECTIONS}` : `node:http keep-alive loop (bench/http-load.mjs), ${CONNECTIONS} connections`,
    server: `livepage (${WORKERS} node ${process.version} process(es), SQLite), rss ${plain.lpRss ?? '?'} MB after the uncompressed run, ${br.lpRss ?? '?'} MB after the compressed one`,
    static_server: `${versionOf(nginxPath, ['-v']).replace(/^nginx version: /, '')}, worker_processes ${WORKERS}, brotli_static on`,
    node_server: `bare node:http (bench/node-static.mjs, 1 node ${process.version} process per run): the same bytes and headers from memory`,
    shared_cores: `servers and load generator share ${cpus.length} CPU(s); no pinning; servers measured one after the other, order rotated each round`,
    ok: problems.length === 0,
  };
  return result;
}

/** One run's figures as the result reports them (the uncompressed run at the top level, as before). */
function summary(m, bodyBytes) {
  const { lp, ng, nd } = m;
  return {
    rps: Math.round(lp.rps),
    p99_ms: round(lp.p99_ms, 2),
    static_rps: Math.round(ng.rps),
    ratio: round(m.ratio, 3),
    node_rps: Math.round(nd.rps),
    ratio_to_node: round(m.ratioToNode, 3),
    rounds: m.rounds.map((r) => ({
      order: r.order.join(','),
      rps: Math.round(r.lp.rps),
      p99_ms: round(r.lp.p99_ms, 2),
      static_rps: Math.round(r.ng.rps),
      node_rps: Math.round(r.node.rps),
      ratio: round(r.ratio, 3),
      ratio_to_node: round(r.ratioToNode, 3),
    })),
    p50_ms: round(lp.p50_ms, 2),
    static_p99_ms: round(ng.p99_ms, 2),
    node_p99_ms: round(nd.p99_ms, 2),
    bytes: bodyBytes,
    response_bytes: m.raw.lp,
    static_response_bytes: m.raw.ng,
    node_response_bytes: m.raw.node,
    requests: lp.requests,
    static_requests: ng.requests,
    node_requests: nd.requests,
    errors: lp.errors + lp.non2xx,
    static_errors: ng.errors + ng.non2xx,
    node_errors: nd.errors + nd.non2xx,
  };
}

/**
 * A bare node:http server (bench/node-static.mjs) sending `body` with the headers livepage
 * sent for a keep-alive request with `reqHeaders`; checks it answers byte for byte alike.
 */
async function startBareNode(name, lpUrl, pagePath, reqHeaders, body) {
  const lpHead = await get(lpUrl, { keepAlive: true, headers: reqHeaders });
  if (lpHead.status !== 200 || !lpHead.body.equals(body)) throw new Error(`livepage answered a keep-alive request differently (${name})`);
  const nodeHeaders = [];
  let keepAliveMs;
  for (let i = 0; i < lpHead.rawHeaders.length; i += 2) {
    const [hName, value] = [lpHead.rawHeaders[i], lpHead.rawHeaders[i + 1]];
    const lower = hName.toLowerCase();
    const timeout = lower === 'keep-alive' && /timeout=(\d+)/.exec(value);
    if (timeout) keepAliveMs = Number(timeout[1]) * 1000;
    if (!['date', 'connection', 'keep-alive'].includes(lower)) nodeHeaders.push(hName, value);
  }
  const nodeDir = path.join(tmpDir, name);
  mkdirSync(nodeDir);
  writeFileSync(path.join(nodeDir, 'page.html'), body);
  writeFileSync(path.join(nodeDir, 'headers.json'), JSON.stringify(nodeHeaders));
  const port = await freePort();
  const nodeArgs = [path.join(ROOT, 'bench', 'node-static.mjs'), String(port), pagePath, path.join(nodeDir, 'page.html'), path.join(nodeDir, 'headers.json')];
  if (keepAliveMs !== undefined) nodeArgs.push(String(keepAliveMs));
  const child = startChild(process.execPath, nodeArgs, { env: process.env, logFile: path.join(tmpDir, `${name}.log`), name: `node:http server (${name})` });
  const url = `http://127.0.0.1:${port}${pagePath}`;
  await waitFor(url, child, `node:http server (${name})`);
  const nodeHead = await get(url, { keepAlive: true, headers: reqHeaders });
  if (!nodeHead.body.equals(body)) throw new Error(`the node:http server (${name}) does not serve the same bytes as livepage`);
  const withoutDate = (raw) => raw.filter((_, i, a) => a[i - (i % 2)].toLowerCase() !== 'date').join('\n');
  if (withoutDate(nodeHead.rawHeaders) !== withoutDate(lpHead.rawHeaders))
    throw new Error(`the node:http server's headers differ from livepage's (${name}):\n${withoutDate(lpHead.rawHeaders)}\n---\n${withoutDate(nodeHead.rawHeaders)}`);
  log(`node:http server on :${port} (pid ${child.pid}, ${name}), serving the same ${body.length} bytes with livepage's ${nodeHeaders.length / 2} headers`);
  return { url, port };
}

/**
 * Warms up, then measures each server in turn with the same settings and request headers,
 * in rounds, and checks every response was a 200 of the expected size.
 */
async function measureRun(gen, label, reqHeaders, body, servers) {
  const headerLines = Object.entries(reqHeaders)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  const raw = {};
  for (const s of servers) raw[s.key] = await rawResponseSize(s.port, new URL(s.url).pathname, headerLines);
  log(`[${label}] whole responses: ${servers.map((s) => `${s.name} ${raw[s.key]} bytes`).join(', ')} (headers included)`);
  const genName = gen.kind === 'wrk' ? `wrk -t1 -c${CONNECTIONS}` : `node:http loop, ${CONNECTIONS} connections`;
  if (WARMUP > 0) {
    log(`[${label}] warming up all three for ${WARMUP}s each (${genName})`);
    for (const s of servers) await load(gen, s.url, WARMUP, reqHeaders);
  }
  // A shared VM's speed drifts over a run: rotate the order each round (round 1 livepage,
  // nginx, node; round 2 nginx, node, livepage; …) so no server always goes first, and
  // take medians.
  const rounds = [];
  let lpRss;
  for (let r = 0; r < ROUNDS; r++) {
    const order = servers.map((_, i) => servers[(i + r) % servers.length]);
    log(`[${label}] round ${r + 1}/${ROUNDS}: ${order.map((s) => s.name).join(', ')}, ${DURATION}s each (${genName})`);
    const got = {};
    for (const s of order) {
      got[s.key] = await load(gen, s.url, DURATION, reqHeaders);
      if (s.pid) lpRss = rssMb(s.pid) ?? lpRss;
    }
    const round = { order: order.map((s) => s.name), ...got, ratio: got.lp.rps / got.ng.rps, ratioToNode: got.lp.rps / got.node.rps };
    log(
      `[${label}]   livepage ${got.lp.rps.toFixed(0)} req/s (p99 ${got.lp.p99_ms.toFixed(2)} ms), nginx ${got.ng.rps.toFixed(0)} req/s (p99 ${got.ng.p99_ms.toFixed(2)} ms), ` +
        `node:http ${got.node.rps.toFixed(0)} req/s (p99 ${got.node.p99_ms.toFixed(2)} ms); ratio ${round.ratio.toFixed(3)}, to node ${round.ratioToNode.toFixed(3)}`,
    );
    rounds.push(round);
  }
  const lp = mergeRounds(rounds.map((r) => r.lp));
  const ng = mergeRounds(rounds.map((r) => r.ng));
  const nd = mergeRounds(rounds.map((r) => r.node));
  const problems = [];
  for (const [key, m] of [
    ['lp', lp],
    ['ng', ng],
    ['node', nd],
  ]) {
    const name = servers.find((s) => s.key === key).name;
    if (m.non2xx || m.errors) problems.push(`[${label}] ${name}: ${m.non2xx} non-2xx responses, ${m.errors} socket errors`);
    // wrk counts header bytes too: each response should be the size measured above.
    if (gen.kind === 'wrk' && Math.abs(m.bytes_per_response - raw[key]) > 64) problems.push(`[${label}] ${name} responses averaged ${m.bytes_per_response.toFixed(0)} bytes, expected ${raw[key]}`);
    if (gen.kind !== 'wrk' && Math.abs(m.body_bytes_per_response - body.length) > 1) problems.push(`[${label}] ${name} bodies averaged ${m.body_bytes_per_response} bytes, expected ${body.length}`);
  }
  return { rounds, lp, ng, nd, raw, lpRss, problems, ratio: median(rounds.map((r) => r.ratio)), ratioToNode: median(rounds.map((r) => r.ratioToNode)) };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** One figure per field over the rounds: medians of rates and latencies, sums of counts. */
function mergeRounds(list) {
  const out = {};
  for (const key of Object.keys(list[0])) {
    const values = list.map((x) => x[key]);
    if (typeof values[0] !== 'number') out[key] = values[0];
    else out[key] = /^(requests|errors|non2xx|bytes)$/.test(key) ? values.reduce((a, b) => a + b, 0) : median(values);
  }
  return out;
}

function round(x, d) {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

await runMain(main, {
  showLogs() {
    if (!tmpDir) return;
    for (const f of ['livepage.log', 'node-static.log', 'nginx/logs/error.log', 'nginx/logs/stderr.log']) {
      const p = path.join(tmpDir, f);
      if (existsSync(p)) {
        const t = readFileSync(p, 'utf8').trim();
        if (t) log(`--- ${f} ---\n${t.slice(-4000)}`);
      }
    }
  },
});
