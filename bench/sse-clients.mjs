#!/usr/bin/env node
/**
 * SSE readers for bench/fanout.mjs: one child process holding COUNT real SSE connections
 * (node:http, one socket each, no keep-alive agent) to one stream over loopback, each from
 * a source address in 127.0.0.2… so no (source, destination) pair runs out of ephemeral
 * ports. Forked by fanout.mjs with an IPC channel (advanced serialization); not meant to be
 * run by hand.
 *
 * Config (JSON in argv[2]): {port, path, since, count, first, perIp, batch}
 *   first   global index of this process's first connection; connection g binds to
 *           127.0.0.(2 + floor(g / perIp))
 *   batch   connections opened at once while ramping up
 *
 * Messages to the parent:  {type: 'ramp', connected, failed}  after each batch
 *                          {type: 'connected', connected, failed, ms}  once all are up
 *                          {type: 'status', received}  (answer to 'status')
 *                          {type: 'report', …}  (answer to 'report')
 * Messages from the parent: {type: 'status'}, {type: 'reset'} (event-loop delay histogram),
 *                           {type: 'report', sent: [[seq, ms]…]}, {type: 'close'}
 *
 * Each connection parses the stream into frames (split on a blank line), reads `id:` and
 * `event:`, checks that `data:` carries the same seq, and records the time the frame was
 * complete as performance.timeOrigin + performance.now(): a wall-clock time in ms with
 * sub-ms resolution, comparable with the publisher's (another process on the same machine
 * and clock). The first connection of each process also JSON-parses every frame and keeps
 * the post id and html size of each seq, so the parent can check them. A dropped stream is
 * resumed the way EventSource does (after `retry:` ms, with Last-Event-ID) and counted.
 */
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const cfg = JSON.parse(process.argv[2] ?? '{}');
const { port, path: streamPath, since, count, first, perIp, batch } = cfg;
const now = () => performance.timeOrigin + performance.now();
const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();

let closing = false;
let uniqueAfterSince = 0;
let duplicates = 0;
let outOfOrder = 0;
let mismatches = 0;
let badFrames = 0;
let drops = 0;
let reconnects = 0;
let connectErrors = 0;
let connectFailed = 0;
let non200 = 0;
const errorKinds = new Map();
/** From connection 0: seq → {type, id, htmlBytes, frameBytes}. */
const sample = new Map();

class Conn {
  constructor(index) {
    this.index = index;
    this.localAddress = `127.0.0.${2 + Math.floor(index / perIp)}`;
    /** seq → receipt time (ms, wall clock). */
    this.got = new Map();
    this.last = since;
    this.buf = '';
    this.retry = 2000;
    this.req = null;
    this.res = null;
    this.up = false;
  }

  /** Opens the stream; resolves true once a 200 arrived, false if it could not. */
  open(lastEventId) {
    return new Promise((resolve) => {
      const headers = { accept: 'text/event-stream', 'cache-control': 'no-cache' };
      if (lastEventId !== undefined) headers['last-event-id'] = String(lastEventId);
      const req = http.request({ host: '127.0.0.1', port, path: streamPath, method: 'GET', agent: false, localAddress: this.localAddress, headers });
      this.req = req;
      let settled = false;
      const settle = (ok) => {
        if (!settled) {
          settled = true;
          resolve(ok);
        }
      };
      req.on('response', (res) => {
        if (res.statusCode !== 200) {
          non200++;
          res.resume();
          settle(false);
          return;
        }
        this.res = res;
        this.up = true;
        this.buf = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => this.onData(chunk, now()));
        res.on('close', () => this.lost());
        settle(true);
      });
      req.on('error', (e) => {
        const k = e.code ?? e.message;
        errorKinds.set(k, (errorKinds.get(k) ?? 0) + 1);
        if (this.up) this.lost();
        settle(false);
      });
      req.end();
    });
  }

  lost() {
    if (!this.up) return;
    this.up = false;
    this.res = null;
    if (closing) return;
    drops++;
    setTimeout(() => this.reopen(), this.retry);
  }

  async reopen() {
    if (closing) return;
    reconnects++;
    if (!(await this.open(this.last))) {
      connectErrors++;
      if (!closing) setTimeout(() => this.reopen(), this.retry);
    }
  }

  onData(chunk, t) {
    let buf = this.buf + chunk;
    let end;
    while ((end = buf.indexOf('\n\n')) !== -1) {
      this.onFrame(buf.slice(0, end), t);
      buf = buf.slice(end + 2);
    }
    this.buf = buf;
  }

  onFrame(frame, t) {
    let id;
    let type;
    let data;
    for (const line of frame.split('\n')) {
      if (line.startsWith('id:')) id = Number(line.slice(3).trim());
      else if (line.startsWith('event:')) type = line.slice(6).trim();
      else if (line.startsWith('data:')) data = line.slice(5).trimStart();
      else if (line.startsWith('retry:')) this.retry = Number(line.slice(6).trim()) || this.retry;
    }
    if (id === undefined) return; // a comment (heartbeat) or the retry preamble
    if (!Number.isInteger(id) || data === undefined) {
      badFrames++;
      return;
    }
    const m = /"seq":(\d+)/.exec(data);
    if (!m || Number(m[1]) !== id) mismatches++;
    if (this.index === first && !sample.has(id)) {
      try {
        const d = JSON.parse(data);
        sample.set(id, { type, id: d.id, seq: d.seq, htmlBytes: typeof d.html === 'string' ? Buffer.byteLength(d.html) : -1, frameBytes: Buffer.byteLength(frame) + 2 });
      } catch {
        badFrames++;
      }
    }
    if (this.got.has(id)) {
      duplicates++;
      return;
    }
    if (id < this.last) outOfOrder++;
    this.got.set(id, t);
    if (id > this.last) this.last = id;
    if (id > since) uniqueAfterSince++;
  }

  close() {
    this.up = false;
    this.req?.destroy();
  }
}

const conns = Array.from({ length: count }, (_, i) => new Conn(first + i));

async function openWithRetries(c) {
  for (let attempt = 0; attempt < 5; attempt++) {
    if (closing) return false;
    if (await c.open()) return true;
    connectErrors++;
    await new Promise((r) => setTimeout(r, 500 * (attempt + 1)));
  }
  connectFailed++;
  return false;
}

const t0 = performance.now();
let connected = 0;
for (let i = 0; i < conns.length && !closing; i += batch) {
  const ok = await Promise.all(conns.slice(i, i + batch).map(openWithRetries));
  connected += ok.filter(Boolean).length;
  process.send({ type: 'ramp', connected, failed: connectFailed });
}
process.send({ type: 'connected', connected, failed: connectFailed, ms: Math.round(performance.now() - t0) });

process.on('message', (msg) => {
  if (msg.type === 'status') process.send({ type: 'status', received: uniqueAfterSince, up: conns.filter((c) => c.up).length });
  else if (msg.type === 'reset') loop.reset(); // the publishing starts: stalls from here on
  else if (msg.type === 'report') process.send(report(msg.sent));
  else if (msg.type === 'close') {
    closing = true;
    for (const c of conns) c.close();
    setTimeout(() => process.exit(0), 100);
  }
});
process.on('disconnect', () => process.exit(0)); // the parent went away

/** Latencies (receipt − send) for each published seq, one Float64Array per seq. */
function report(sentPairs) {
  const sent = new Map(sentPairs);
  const latencies = [];
  let delivered = 0;
  let extra = 0;
  for (const [seq, s] of sent) {
    const arr = new Float64Array(count);
    let n = 0;
    for (const c of conns) {
      const t = c.got.get(seq);
      if (t !== undefined) arr[n++] = t - s;
    }
    delivered += n;
    latencies.push([seq, arr.slice(0, n)]);
  }
  for (const c of conns) for (const seq of c.got.keys()) if (seq > since && !sent.has(seq)) extra++;
  return {
    type: 'report',
    count,
    connected: conns.filter((c) => c.up).length,
    delivered,
    extra,
    duplicates,
    outOfOrder,
    mismatches,
    badFrames,
    drops,
    reconnects,
    connectErrors,
    connectFailed,
    non200,
    errors: Object.fromEntries(errorKinds),
    sample: [...sample.entries()],
    latencies,
    loopMaxMs: loop.max / 1e6,
    loopP99Ms: loop.percentile(99) / 1e6,
    clockOffsetMs: Date.now() - now(),
    rssMb: Math.round(process.memoryUsage.rss() / 1048576),
  };
}
