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
 *   node bench/sse-baseline.mjs PORT PATHNAME [WORKERS]
 *
 * With WORKERS > 1 it mirrors `livepage serve --workers N`: a node:cluster primary forks N
 * workers sharing the port; the worker that gets a publish asks the primary for the seq,
 * the primary relays the event to every worker (the sender included) over IPC, each worker
 * writes it to its own readers, and the sender then answers. Same preamble (`retry: 2000`),
 * headers and 15 s heartbeat as livepage.
 */
import cluster from 'node:cluster';
import http from 'node:http';

const [portArg, pathname, workersArg = '1'] = process.argv.slice(2);
if (!portArg || !pathname) {
  console.error('usage: node bench/sse-baseline.mjs PORT PATHNAME [WORKERS]');
  process.exit(2);
}
const workers = Number(workersArg);
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

  const broadcast = (s, id, html) => {
    const frame = Buffer.from(`id: ${s}\nevent: post.published\ndata: ${JSON.stringify({ seq: s, id, html })}\n\n`);
    for (const res of readers) res.write(frame);
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
  setInterval(() => {
    for (const res of readers) res.write(HEARTBEAT);
  }, 15_000).unref();
  server.listen(Number(portArg), '127.0.0.1');
  for (const sig of ['SIGTERM', 'SIGINT']) process.once(sig, () => process.exit(0));
}
