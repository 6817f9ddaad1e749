/**
 * One webhook request over node:http(s), with the two limits the worker promises (see
 * docs/operations.md): a connection (DNS, TCP and TLS) must be made within
 * `connectTimeoutMs`, so an address that drops packets is given up quickly, and the answer's
 * status must arrive within `timeoutMs` of the start. Each request has its own connection
 * (no pool that other targets' hanging requests could fill); the answer's body is not read.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface SendLimits {
  connectTimeoutMs: number;
  timeoutMs: number;
  /** Aborts the request (the server is stopping). */
  signal: AbortSignal;
}

/** Why a request was given up: `name` is `TimeoutError`, as for AbortSignal.timeout. */
export class SendTimeout extends Error {
  override readonly name = 'TimeoutError';
  constructor(
    readonly phase: 'connect' | 'response',
    readonly ms: number,
  ) {
    super(phase === 'connect' ? `no connection within ${ms} ms` : `no response within ${ms} ms`);
  }
}

/** POSTs `body` to `url`; resolves with the answer's status, rejects on a network failure or a timeout. */
export function postOnce(url: string, headers: Record<string, string>, body: string, limits: SendLimits): Promise<{ status: number; statusText: string }> {
  const target = new URL(url);
  // The API refuses such URLs; one stored before that rule must not leak its password as Basic auth.
  if (target.username || target.password) return Promise.reject(new Error('a URL with credentials is not sent'));
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(target, {
      method: 'POST',
      headers: { ...headers, 'content-length': Buffer.byteLength(body) },
      agent: false,
      signal: limits.signal,
    });
    let connectTimer: NodeJS.Timeout | undefined;
    const totalTimer = setTimeout(() => req.destroy(new SendTimeout('response', limits.timeoutMs)), limits.timeoutMs);
    const settle = () => {
      clearTimeout(totalTimer);
      clearTimeout(connectTimer);
    };
    req.on('socket', (socket) => {
      if (!socket.connecting) return;
      connectTimer = setTimeout(() => req.destroy(new SendTimeout('connect', limits.connectTimeoutMs)), limits.connectTimeoutMs);
      socket.once(target.protocol === 'https:' ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer));
    });
    req.on('response', (res: IncomingMessage) => {
      settle();
      resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '' });
      res.destroy(); // the body is not needed, and a receiver that streams it for ever holds nothing
    });
    req.on('error', (err) => {
      settle();
      reject(err);
    });
    req.end(body);
  });
}
