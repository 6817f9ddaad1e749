#!/usr/bin/env node
/**
 * SSE readers for bench/fanout.mjs: one child process holding COUNT real SSE connections
 * (one TCP socket each) to one stream over loopback, each from a source address in
 * 127.0.0.2… so no (source, destination) pair runs out of ephemeral ports. Forked by
 * fanout.mjs with an IPC channel (advanced serialization); not meant to be run by hand.
 *
 * Config (JSON in argv[2]): {port, path, since, count, first, perIp, batch}
 *   first   global index of this process's first connection; connection g binds to
 *           127.0.0.(2 + floor(g / perIp))
 *   batch   connections opened at once while ramping up
 *   idFromData  the event's seq is the one in its data ({"seq":N…}), not its `id:` line
 *           (nchan's ids are its own "time:tag"; bench/fanout.mjs's peers)
 *
 * Messages to the parent:  {type: 'ramp', connected, failed}  after each batch
 *                          {type: 'connected', connected, failed, ms}  once all are up
 *                          {type: 'status', received}  (answer to 'status')
 *                          {type: 'report', …}  (answer to 'report')
 * Messages from the parent: {type: 'status'}, {type: 'reset'} (event-loop delay histogram),
 *                           {type: 'report', sent: [[seq, ms]…]}, {type: 'close'}
 *
 * Each reader speaks HTTP/1.1 itself on a node:net socket — the request a browser's
 * EventSource sends (Accept: text/event-stream, Cache-Control: no-cache, Last-Event-ID on a
 * resume), then the status line and headers, a chunked or close-delimited body, and the SSE
 * frames in it (split on a blank line; `id:`, `event:`, `data:`, `retry:`). It is written
 * on Buffers with one shared read buffer (net's `onread`), because the readers share the
 * machine's two cores with the server: every microsecond a reader spends is one the server
 * does not get, and latency would measure the load generator. It checks that `data:`
 * carries the frame's seq, and records the time the frame was complete as
 * performance.timeOrigin + performance.now(): a wall-clock time in ms with sub-ms
 * resolution, comparable with the publisher's (another process on the same machine and
 * clock). The first connection of each process also JSON-parses every frame and keeps the
 * post id and html size of each seq, so the parent can check them. A dropped stream is
 * resumed the way EventSource does (after `retry:` ms, with Last-Event-ID) and counted.
 */
import net from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const cfg = JSON.parse(process.argv[2] ?? '{}');
const { port, path: streamPath, since, count, first, perIp, batch, idFromData = false } = cfg;
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
/** When streams were lost and when they were open again (wall-clock ms): how a drain spreads them. */
const dropTimes = [];
const reopenTimes = [];
let non200 = 0;
const errorKinds = new Map();
/** From connection 0: seq → {type, id, htmlBytes, frameBytes}. */
const sample = new Map();

/** Every socket reads into this one buffer; what must outlive a read is copied out. */
const READ_BUFFER = Buffer.allocUnsafe(64 * 1024);
const LF = 0x0a;
const CR = 0x0d;
const SEQ_PREFIX = '{"seq":';

const requestHead = (lastEventId) =>
  `GET ${streamPath} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n` +
  (lastEventId === undefined ? '' : `Last-Event-ID: ${lastEventId}\r\n`) +
  '\r\n';

/** A non-negative integer in buf[from, to) (ASCII digits, leading spaces skipped), or NaN. */
function intAt(buf, from, to) {
  while (from < to && buf[from] === 0x20) from++;
  if (from >= to) return NaN;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = buf[i] - 0x30;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n;
}
const HEX = new Int8Array(256).fill(-1);
for (let i = 0; i < 10; i++) HEX[0x30 + i] = i;
for (let i = 0; i < 6; i++) HEX[0x41 + i] = HEX[0x61 + i] = 10 + i;

class Conn {
  constructor(index) {
    this.index = index;
    this.localAddress = `127.0.0.${2 + Math.floor(index / perIp)}`;
    /** seq → receipt time (ms, wall clock). */
    this.got = new Map();
    this.last = since;
    this.retry = 2000;
    this.socket = null;
    this.up = false;
    /** When the stream last dropped, and [dropped, back up] for each resume (bench/failover.mjs). */
    this.droppedAt = undefined;
    this.resumes = [];
    this.resetParser();
  }

  resetParser() {
    /** Response head so far (latin1), until the blank line. */
    this.head = '';
    this.inBody = false;
    this.chunked = false;
    /** Chunked body: bytes left in the current chunk; CR/LF bytes to skip after it; the size being read. */
    this.left = 0;
    this.skip = 0;
    this.size = 0;
    this.inExt = false;
    /** SSE bytes of an incomplete frame (a copy). */
    this.pending = null;
  }

  /** Opens the stream; resolves true once a 200 arrived, false if it could not. */
  open(lastEventId) {
    return new Promise((resolve) => {
      this.resetParser();
      let settled = false;
      this.settle = (ok) => {
        if (!settled) {
          settled = true;
          resolve(ok);
        }
      };
      const socket = net.connect({
        host: '127.0.0.1',
        port,
        localAddress: this.localAddress,
        onread: { buffer: READ_BUFFER, callback: (n, buf) => this.onRead(buf, n) },
      });
      this.socket = socket;
      socket.on('connect', () => socket.write(requestHead(lastEventId)));
      socket.on('error', (e) => {
        const k = e.code ?? e.message;
        errorKinds.set(k, (errorKinds.get(k) ?? 0) + 1);
      });
      socket.on('close', () => {
        if (this.socket !== socket) return;
        this.settle(false);
        this.lost();
      });
    });
  }

  onRead(buf, n) {
    const t = now();
    let i = 0;
    if (!this.inBody) {
      this.head += buf.latin1Slice(0, n);
      const end = this.head.indexOf('\r\n\r\n');
      if (end === -1) {
        if (this.head.length > 16384) this.fail();
        return;
      }
      const head = this.head.slice(0, end).toLowerCase();
      i = n - (this.head.length - end - 4);
      this.head = '';
      if (!/^http\/1\.[01] 200 /.test(head)) {
        non200++;
        this.fail();
        return;
      }
      this.chunked = /\r\ntransfer-encoding:[ \t]*chunked/.test(head);
      this.inBody = true;
      this.up = true;
      if (this.droppedAt !== undefined) this.resumes.push([this.droppedAt, t]);
      this.droppedAt = undefined;
      this.settle(true);
    }
    if (!this.chunked) {
      if (i < n) this.sse(buf, i, n, t);
      return;
    }
    while (i < n) {
      if (this.left > 0) {
        const m = Math.min(this.left, n - i);
        this.sse(buf, i, i + m, t);
        i += m;
        this.left -= m;
        if (this.left === 0) this.skip = 2;
      } else if (this.skip > 0) {
        i++;
        this.skip--;
      } else {
        const c = buf[i++];
        if (c === LF) {
          if (this.size === 0) return void this.socket.end(); // the last chunk: the server ended the stream
          this.left = this.size;
          this.size = 0;
          this.inExt = false;
        } else if (c === CR || this.inExt) {
          /* end of the size line, or a chunk extension */
        } else if (c === 0x3b) this.inExt = true;
        else if (HEX[c] >= 0) this.size = this.size * 16 + HEX[c];
        else {
          badFrames++;
          return void this.fail();
        }
      }
    }
  }

  /** SSE bytes buf[from, to), in order; whole frames are handled, the rest kept. */
  sse(buf, from, to, t) {
    // A view of just these bytes: the shared buffer holds stale data past them.
    let b = buf.subarray(from, to);
    if (this.pending) {
      b = Buffer.concat([this.pending, b]);
      this.pending = null;
    }
    let start = 0;
    for (let end; (end = b.indexOf('\n\n', start)) !== -1; start = end + 2) this.onFrame(b, start, end, t);
    // An incomplete frame outlives this read: copy it out of the shared buffer.
    if (start < b.length) this.pending = Buffer.from(b.subarray(start));
  }

  /** One frame, buf[from, to) without its blank line. */
  onFrame(buf, from, to, t) {
    let id;
    let typeFrom = -1;
    let typeTo = -1;
    let dataFrom = -1;
    let dataTo = -1;
    for (let ls = from; ls < to; ) {
      let le = buf.indexOf(LF, ls);
      if (le === -1 || le > to) le = to;
      const c = buf[ls];
      if (c === 0x69 && buf.latin1Slice(ls, ls + 3) === 'id:') id = intAt(buf, ls + 3, le);
      else if (c === 0x65 && buf.latin1Slice(ls, ls + 6) === 'event:') {
        typeFrom = ls + 6;
        typeTo = le;
      } else if (c === 0x64 && buf.latin1Slice(ls, ls + 5) === 'data:') {
        dataFrom = buf[ls + 5] === 0x20 ? ls + 6 : ls + 5;
        dataTo = le;
      } else if (c === 0x72 && buf.latin1Slice(ls, ls + 6) === 'retry:') this.retry = intAt(buf, ls + 6, le) || this.retry;
      ls = le + 1;
    }
    if (idFromData && dataFrom !== -1) {
      const p = dataFrom + SEQ_PREFIX.length;
      let q = p;
      while (q < dataTo && buf[q] >= 0x30 && buf[q] <= 0x39) q++;
      id = buf.latin1Slice(dataFrom, p) === SEQ_PREFIX ? intAt(buf, p, q) : NaN;
    }
    if (id === undefined) return; // a comment (heartbeat) or the retry preamble
    if (!Number.isInteger(id) || dataFrom === -1) {
      badFrames++;
      return;
    }
    // The data is {"seq":N,…}: N must be the frame's id.
    const p = dataFrom + SEQ_PREFIX.length;
    let q = p;
    while (q < dataTo && buf[q] >= 0x30 && buf[q] <= 0x39) q++;
    if (buf.latin1Slice(dataFrom, p) !== SEQ_PREFIX || intAt(buf, p, q) !== id) mismatches++;
    if (this.index === first && !sample.has(id)) {
      try {
        const d = JSON.parse(buf.toString('utf8', dataFrom, dataTo));
        const type = buf.toString('utf8', typeFrom, typeTo).trim();
        sample.set(id, { type, id: d.id, seq: d.seq, htmlBytes: typeof d.html === 'string' ? Buffer.byteLength(d.html) : -1, frameBytes: to - from + 2 });
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

  /** A response we cannot read: close the socket (counted as a drop if it was up). */
  fail() {
    this.settle(false);
    this.socket?.destroy();
  }

  lost() {
    if (!this.up) return;
    this.up = false;
    if (closing) return;
    this.droppedAt = now();
    drops++;
    dropTimes.push(now());
    setTimeout(() => this.reopen(), this.retry);
  }

  async reopen() {
    if (closing) return;
    reconnects++;
    if (await this.open(this.last)) reopenTimes.push(now());
    else {
      connectErrors++;
      if (!closing) setTimeout(() => this.reopen(), this.retry);
    }
  }

  close() {
    this.up = false;
    this.socket?.destroy();
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

/** Sorted whole numbers as ranges: 3-5,9. */
function ranges(ns) {
  const out = [];
  for (let i = 0; i < ns.length; i++) {
    let j = i;
    while (j + 1 < ns.length && ns[j + 1] === ns[j] + 1) j++;
    out.push(i === j ? `${ns[i]}` : `${ns[i]}-${ns[j]}`);
    i = j;
  }
  return out.join(',');
}

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
  // Each resume: from the drop until the reader was back and had every event published
  // before it was back (its backlog through the new node), or just back if it missed none;
  // and until it was back at all (its stream open again).
  const recoveries = [];
  for (const c of conns)
    for (const [dropped, back] of c.resumes) {
      let caughtUp = back;
      for (const [seq, s] of sent) {
        const t = c.got.get(seq);
        if (s <= back && t !== undefined && t > dropped && t > caughtUp) caughtUp = t;
      }
      recoveries.push([dropped, caughtUp - dropped, back - dropped]);
    }
  const stillDown = conns.filter((c) => !c.up).length;
  // Which events each reader that missed some missed (a failing run's first clue): pattern → readers.
  const gaps = {};
  for (const c of conns) {
    const missing = [...sent.keys()].filter((seq) => seq > since && !c.got.has(seq));
    if (missing.length === 0) continue;
    const key = `missed ${ranges(missing)}; last ${c.last}; resumed ${c.resumes.length}×${c.up ? '' : '; down'}`;
    gaps[key] = (gaps[key] ?? 0) + 1;
  }
  return {
    type: 'report',
    count,
    connected: conns.filter((c) => c.up).length,
    stillDown,
    gaps,
    recoveries,
    delivered,
    extra,
    duplicates,
    outOfOrder,
    mismatches,
    badFrames,
    drops,
    reconnects,
    dropTimes,
    reopenTimes,
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
