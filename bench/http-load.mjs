#!/usr/bin/env node
/**
 * Fallback load generator for bench/page.mjs when wrk cannot be had: a closed loop of
 * N keep-alive connections (node:http, one process, one thread), each sending the next
 * GET as soon as the previous response has been read, for D seconds.
 *
 *   node bench/http-load.mjs URL CONNECTIONS DURATION_S [HEADERS_JSON]
 *
 * Prints one JSON line: requests, duration_s, rps, bytes (bodies only), non-2xx count,
 * socket errors, latency percentiles in ms. It is much slower than wrk (JavaScript
 * parsing every response), so it is the ceiling for both servers alike; the ratio is
 * still meaningful, the absolute numbers less so.
 */
import http from 'node:http';

const [url, connArg = '50', durArg = '10', headersArg = '{}'] = process.argv.slice(2);
/** Request headers, e.g. {"accept-encoding":"br"} for bench/page.mjs's compressed run. */
const headers = JSON.parse(headersArg);
if (!url) {
  console.error('usage: node bench/http-load.mjs URL CONNECTIONS DURATION_S');
  process.exit(2);
}
const connections = Number(connArg);
const durationMs = Number(durArg) * 1000;
const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
const latencies = [];
let bytes = 0;
let non2xx = 0;
let errors = 0;
let lastLength = -1;
const start = performance.now();
const deadline = start + durationMs;

function once() {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const req = http.get(url, { agent, headers }, (res) => {
      let n = 0;
      res.on('data', (c) => (n += c.length));
      res.on('end', () => {
        latencies.push(performance.now() - t0);
        bytes += n;
        lastLength = n;
        if (res.statusCode < 200 || res.statusCode > 299) non2xx++;
        resolve();
      });
      res.on('error', () => {
        errors++;
        resolve();
      });
    });
    req.on('error', () => {
      errors++;
      resolve();
    });
  });
}

async function loop() {
  while (performance.now() < deadline) await once();
}

await Promise.all(Array.from({ length: connections }, loop));
const elapsed = (performance.now() - start) / 1000;
agent.destroy();
const sorted = Float64Array.from(latencies).sort();
const pct = (p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0);
process.stdout.write(
  JSON.stringify({
    requests: latencies.length,
    duration_s: elapsed,
    rps: latencies.length / elapsed,
    bytes,
    last_body_bytes: lastLength,
    non2xx,
    socket_errors: errors,
    p50_ms: pct(50),
    p90_ms: pct(90),
    p99_ms: pct(99),
    max_ms: sorted.length ? sorted[sorted.length - 1] : 0,
  }) + '\n',
);
