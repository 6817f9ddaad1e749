/**
 * The node:http server under fastify, with the timeouts that protect it from slow clients.
 * fastify applies none of its own timeout options when given a server factory, so they are
 * all set here.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/**
 * How long a client may take to send a request: its headers, then the whole request with
 * its body (node:http answers 408 and closes). These cover receiving a request only, so SSE
 * streams, long responses, are not cut. Node checks them every `checkEveryMs` (its default,
 * 30 s, would let a slow client overstay by that much). Idle keep-alive connections close
 * after `keepAliveTimeout`, longer than a load balancer's usual 60 s idle timeout.
 */
export interface ServerTimeouts {
  headersTimeout: number;
  requestTimeout: number;
  keepAliveTimeout: number;
  checkEveryMs: number;
}
export const SERVER_TIMEOUTS: ServerTimeouts = { headersTimeout: 10_000, requestTimeout: 30_000, keepAliveTimeout: 72_000, checkEveryMs: 1_000 };

/** A server that hands each request to `onRequest` once its headers have come in time. */
export function timedServer(timeouts: ServerTimeouts, onRequest: (req: IncomingMessage, res: ServerResponse) => void): Server {
  const { headersTimeout, requestTimeout, checkEveryMs: connectionsCheckingInterval } = timeouts;
  const server = createServer({ headersTimeout, requestTimeout, connectionsCheckingInterval }, (req, res) => {
    req.socket.setTimeout(0); // a request has come: node's own timeouts take over
    onRequest(req, res);
  });
  // headersTimeout counts from a request's first byte: a connection that never sends one is closed here.
  server.on('connection', (socket) => socket.setTimeout(headersTimeout));
  server.keepAliveTimeout = timeouts.keepAliveTimeout;
  return server;
}
