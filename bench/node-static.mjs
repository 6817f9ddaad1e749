#!/usr/bin/env node
/**
 * The Node.js ceiling for bench/page.mjs: a bare node:http server that answers GET of one
 * path with bytes and headers prepared in advance (those livepage sent for that page), so
 * it does what livepage's fast path does with nothing else around it. Whatever req/s this
 * reaches is the most any Node.js server can serve these bytes at on this machine.
 *
 *   node bench/node-static.mjs PORT PATHNAME BODY_FILE HEADERS_JSON_FILE [KEEP_ALIVE_MS]
 *
 * HEADERS_JSON_FILE holds node's flat [name, value, name, value, …] array (without Date,
 * Connection and Keep-Alive, which node adds itself). KEEP_ALIVE_MS sets
 * server.keepAliveTimeout so the Keep-Alive header matches livepage's byte for byte.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';

const [portArg, pathname, bodyFile, headersFile, keepAliveArg] = process.argv.slice(2);
if (!portArg || !pathname || !bodyFile || !headersFile) {
  console.error('usage: node bench/node-static.mjs PORT PATHNAME BODY_FILE HEADERS_JSON_FILE [KEEP_ALIVE_MS]');
  process.exit(2);
}
const body = readFileSync(bodyFile);
const headers = JSON.parse(readFileSync(headersFile, 'utf8'));

const server = http.createServer((req, res) => {
  if (req.url === pathname) res.writeHead(200, headers).end(body);
  else res.writeHead(404, { 'content-length': 0 }).end();
});
if (keepAliveArg) server.keepAliveTimeout = Number(keepAliveArg);
server.listen(Number(portArg), '127.0.0.1');
for (const sig of ['SIGTERM', 'SIGINT']) process.once(sig, () => process.exit(0));
