/**
 * Logs an operator can use (issue 16.5): one structured line per request routed by fastify
 * (request id, method, route, status, duration), errors with their cause, and secrets
 * redacted wherever they would appear. The fast paths (cached reader pages, SSE streams)
 * serve tens of thousands of requests a second: they get a request id (a counter, no
 * randomness per request) but a log line only at debug level.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';

/** Fields that must never reach a log line, at any depth pino redaction reaches. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  '*.password',
  '*.token',
  '*.secret',
  '*.csrf',
  '*._csrf',
  'password',
  'token',
  'secret',
];

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // An error's cause chain too: "could not write" alone does not say why.
    serializers: { err: pino.stdSerializers.errWithCause },
  };
}

/** The process's logger (serve's; tests pass a destination to read the lines). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return destination ? pino(loggerOptions(level), destination) : pino(loggerOptions(level));
}

const REQUEST_ID = Symbol('livepage.requestId');
/** A request id from the proxy in front is kept if it looks like one (so its logs and ours join up). */
const INCOMING_ID = /^[\w.:-]{1,64}$/;

/** Per process: unique across nodes and restarts without a random draw per request. */
const prefix = randomBytes(4).toString('hex');
let counter = 0;

/**
 * Gives the request its id (the proxy's, or ours) and returns it; the caller sends it back
 * as X-Request-Id: `sendRequestId`, or within prepared headers (the cached-page fast path,
 * where a header set before writeHead would send node down its slow per-header path).
 */
export function assignRequestId(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && INCOMING_ID.test(incoming) ? incoming : `${prefix}-${(++counter).toString(36)}`;
  (req as IncomingMessage & { [REQUEST_ID]?: string })[REQUEST_ID] = id;
  return id;
}

/** Sends the request's id back as X-Request-Id on whatever response follows. */
export function sendRequestId(res: ServerResponse, id: string): void {
  res.setHeader('x-request-id', id);
}

/** fastify's genReqId: the id the server factory assigned. */
export const requestIdOf = (req: IncomingMessage): string => (req as IncomingMessage & { [REQUEST_ID]?: string })[REQUEST_ID] ?? `${prefix}-${(++counter).toString(36)}`;

/** Whether debug lines are written (a string compare: it runs per fast-path request). */
export const debugEnabled = (log: { level: string }): boolean => log.level === 'debug' || log.level === 'trace';

/** At debug level only: a line for a request answered before fastify (cached page or stream). */
export function logFastPath(log: Pick<Logger, 'debug'>, req: IncomingMessage, res: ServerResponse, reqId: string, route: string): void {
  const started = performance.now();
  res.once('finish', () => log.debug({ reqId, method: req.method, route, status: res.statusCode, ms: Math.round(performance.now() - started) }, 'request'));
}
