/**
 * What fastify does around every request it routes: the one log line, the publishing
 * latency metric, the security headers, session cookie renewal and per-request compression.
 * Cached reader pages and live streams are served before fastify (server/fast-path.ts) and
 * carry what they need in their prepared headers.
 */
import type { FastifyInstance } from 'fastify';
import type { NodeMetrics } from '../metrics/registry.js';
import { renewSessionCookies } from './auth.js';
import { compressResponses } from './compress-responses.js';

export interface RequestHooksOptions {
  /** Headers every reply carries unless its route set its own (server/security-headers.ts). */
  security: Record<string, string>;
  metrics: NodeMetrics;
  /** Whether session cookies are sent Secure (the site is on https:). */
  secureCookies: boolean;
}

export function requestHooks(app: FastifyInstance, { security, metrics, secureCookies }: RequestHooksOptions): void {
  // One line per request: id (also the X-Request-Id header), route, status, duration.
  // Balancers' health checks come every second: their lines only at debug.
  app.addHook('onResponse', (req, reply, done) => {
    const route = req.routeOptions.url ?? '(no route)';
    const line = { method: req.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime) };
    // Publishing latency: the writes that change what readers see, by what they do.
    const action = req.routeOptions.config?.action;
    if (action && req.method !== 'GET' && (action.startsWith('post.') || action.startsWith('page.'))) metrics.publishSeconds.observe({ action }, reply.elapsedTime / 1000);
    if (route === '/healthz' || route === '/readyz') req.log.debug(line, 'request');
    else req.log.info(line, 'request');
    done();
  });
  // Every reply gets the security headers, unless a route set its own (cached reader pages
  // carry them in their prepared headers and skip this hook). Listed once, not per reply.
  const headers = Object.entries(security);
  app.addHook('onSend', (_req, reply, payload, done) => {
    for (const [name, value] of headers) if (!reply.hasHeader(name)) reply.header(name, value);
    done(null, payload);
  });
  // A session that slid far enough past its cookie's expiry sends the cookie again, whichever route it used.
  app.addHook('onSend', renewSessionCookies(secureCookies));
  // Bodies made per request (API JSON, newsroom and error pages) compressed per request;
  // cached reader documents carry their codings, made once per version.
  compressResponses(app);
}
