#!/usr/bin/env node
/**
 * The baseline for bench/fanout.mjs: the least a node:http SSE broadcaster can do. It keeps
 * a Set of open responses for GET PATHNAME (any query) and, for each POST /publish with a
 * JSON body {id, html}, numbers the event, builds one frame
 *
 *   id: {seq}\nevent: post.published\ndata: {"seq":…,"id":…,"html":…}\n\n
 *
 * (livepage's frame layout and data fields), writes the same Buffer to every response and
 * answers {seq}. No store, no rendering, no resume, no slow-reader limit: whatever latency
 * it shows is what Node.js, the kernel and the readers cost on this machine.
 *
 *   node bench/sse-baseline.mjs PORT PATHNAME [WORKERS] [res|direct]
 *
 * `res` (the default, the baseline of SPEC §5) writes each frame with res.write(), the
 * plain node:http way. `direct` frames it as an HTTP/1.1 chunk once and writes that Buffer
 * to each response's socket — the same bytes on the wire, and what livepage's hub does —
 * to compare the servers with the node:http write path out of the picture.
 *
 * With WORKERS > 1 it mirrors `livepage serve --workers N`: a node:cluster primary forks N
 * workers sharing the port; the worker that gets a publish asks the primary for the seq,
 * the primary relays the event to every worker (the sender included) over IPC, each worker
 * writes it to its own readers, and the sender then answers. Same preamble (`retry: 2000`),
 * headers and heartbeat (`: ping` after 15 s without a write) as livepage.
 */
import cluster from 'node:cluster';
import http from 'node:http';

const [portArg, pathname, workersArg = '1', mode = 'res'] = process.argv.slice(2);
if (!portArg || !pathname || !['res', 'direct'].includes(mode)) {
  console.error('usage: node bench/sse-baseline.mjs PORT PATHNAME [WORKERS] [res|direct]');
  process.exit(2);
}
const workers = Number(workersArg);
const direct = mode === 'direct';
const CRLF = Buffer.from('\r\n');
const HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  'x-accel-buffering': 'no',
  connection: 'keep-alive',
};
const PREAMBLE = Buffer.from('retry: 2000\n\n');
const HEARTBEAT = Buffer.from(': ping\n\n');

if (workers > 1 && cluster.isPrimary) {
  let seq = 0;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on('message', (worker, m) => {
    if (m?.type !== 'publish') return;
    const event = { type: 'event', seq: ++seq, id: m.id, html: m.html, origin: worker.id, reqId: m.reqId };
    for (const w of Object.values(cluster.workers ?? {})) if (w?.isConnected()) w.send(event);
  });
  const stop = () => {
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
} else {
  serve();
}

function serve() {
  const readers = new Set();
  const pending = new Map();
  let seq = 0;
  let nextReq = 0;
  let lastWrite = 0;

  const broadcast = (s, id, html) => {
    const frame = Buffer.from(`id: ${s}\nevent: post.published\ndata: ${JSON.stringify({ seq: s, id, html })}\n\n`);
    lastWrite = Date.now();
    if (direct) {
      // The frame as an HTTP/1.1 chunk, built once, straight to each socket (livepage's way).
      const chunk = Buffer.concat([Buffer.from(`${frame.length.toString(16)}\r\n`), frame, CRLF]);
      for (const res of readers) res.socket?.write(chunk);
    } else for (const res of readers) res.write(frame);
  };

  if (cluster.isWorker) {
    process.on('message', (m) => {
      if (m?.type !== 'event') return;
      broadcast(m.seq, m.id, m.html);
      if (m.origin === cluster.worker.id) {
        const res = pending.get(m.reqId);
        pending.delete(m.reqId);
        res?.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ seq: m.seq, id: m.id }));
      }
    });
  }

  const server = http.createServer((req, res) => {
    const url = req.url ?? '';
    if (req.method === 'GET' && (url === pathname || url.startsWith(pathname + '?'))) {
      res.writeHead(200, HEADERS);
      res.write(PREAMBLE);
      readers.add(res);
      res.on('close', () => readers.delete(res));
      return;
    }
    if (req.method === 'POST' && url === '/publish') {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        const { id, html } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        if (cluster.isWorker) {
          const reqId = ++nextReq;
          pending.set(reqId, res);
          process.send({ type: 'publish', id, html, reqId });
        } else {
          broadcast(++seq, id, html);
          res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ seq, id }));
        }
      });
      return;
    }
    if (req.method === 'GET' && url === '/health') return void res.writeHead(200, { 'content-type': 'text/plain' }).end(`${readers.size}\n`);
    res.writeHead(404, { 'content-length': 0 }).end();
  });
  // livepage's heartbeat policy, so both send the same bytes: checked every 5 s, sent when
  // nothing went to the readers for 15 s (never while posts are flowing).
  setInterval(() => {
    if (Date.now() - lastWrite < 15_000) return;
    lastWrite = Date.now();
    for (const res of readers) res.write(HEARTBEAT);
  }, 5_000).unref();
  server.listen(Number(portArg), '127.0.0.1');
  for (const sig of ['SIGTERM', 'SIGINT']) process.once(sig, () => process.exit(0));
}
