/**
 * Live streams through a GRIP proxy (Pushpin, Fastly Fanout): the proxy holds the readers'
 * connections, we answer each stream request with its backlog and hold instructions, and
 * publish every new event to the proxy once — it writes it to all the readers it holds.
 *
 * - A request is ours to hold only with a valid `Grip-Sig` (a JWT, HS256, signed with the
 *   proxy's key, `exp` in the future); without one it is served directly, as always.
 * - The channel is per page, the ids are the page's seqs: `Grip-Channel: lp-{page};
 *   prev-id={last seq sent}` and each published item carries `id` = its seq and `prev-id` =
 *   the seq before it. A proxy that sees a prev-id it did not expect (a lost publish, two
 *   nodes publishing out of order) asks `Grip-Link`'s next URL, `?since={seq}`, with
 *   `Grip-Last: lp-{page}; last-id={seq}`, and appends our answer: the reader still gets
 *   every event once, in order. The same URL is asked after 120 s of silence.
 * - Readers resume as before (Last-Event-ID through the proxy): the contract is the same.
 */
import { createHmac, createPublicKey, timingSafeEqual, verify } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { BaseLogger } from 'pino';
import type { Frame } from './page-feed.js';

export interface GripConfig {
  /** The proxy's publish endpoint (EPCP), e.g. http://127.0.0.1:5561/; `?key=` is sent as a Bearer token (Fanout). */
  url: string;
  /** The key the proxy signs `Grip-Sig` with: Pushpin's sig_key, or Fanout's public key (PEM). */
  key: string;
}

export const gripChannel = (pageId: string): string => `lp-${pageId}`;

/** Pushpin sends nothing for this long on an idle stream, then this comment (as livepage's heartbeat does). */
const KEEP_ALIVE = ': ping\\n\\n; format=cstring; timeout=15';
/** After this long without a publish, the proxy asks the next link (a lost last publish is found). */
const RECOVER_AFTER_S = 120;

/**
 * True when `token` is a JWT signed with `key` that has not expired (GRIP: else behave as
 * if absent): HS256 with a shared secret (Pushpin's sig_key), or ES256 when `key` is a PEM
 * public key (Fastly Fanout signs with its own key pair).
 */
export function verifyGripSig(token: string | undefined, key: string, nowMs = Date.now()): boolean {
  if (!token || !key) return false;
  const parts = token.split('.');
  if (parts.length !== 3) return false;
  const [head, body, sig] = parts as [string, string, string];
  try {
    const header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as { alg?: unknown };
    const given = Buffer.from(sig, 'base64url');
    const signed = Buffer.from(`${head}.${body}`);
    const pem = key.startsWith('-----BEGIN');
    // The algorithm follows from the key, never from the token ("none", HS256 with a public key).
    if (header.alg !== (pem ? 'ES256' : 'HS256')) return false;
    if (pem) {
      if (!verify('sha256', signed, { key: createPublicKey(key), dsaEncoding: 'ieee-p1363' }, given)) return false;
    } else {
      const expected = createHmac('sha256', key).update(signed).digest();
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
    }
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof claims.exp === 'number' && claims.exp * 1000 > nowMs;
  } catch {
    return false;
  }
}

/** A JWT as a GRIP proxy makes one (tests, benchmarks). */
export function signGripSig(key: string, claims: Record<string, unknown> = { iss: 'pushpin', exp: Math.floor(Date.now() / 1000) + 3600 }): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const unsigned = `${enc({ typ: 'JWT', alg: 'HS256' })}.${enc(claims)}`;
  return `${unsigned}.${createHmac('sha256', key).update(unsigned).digest('base64url')}`;
}

/** The seq the proxy last has for the page (`Grip-Last: lp-…; last-id=N`), on a recovery request. */
export function gripLastId(header: string | string[] | undefined, pageId: string): number | undefined {
  const values = Array.isArray(header) ? header : header ? header.split(',') : [];
  for (const v of values) {
    const [name, ...params] = v.split(';').map((s) => s.trim());
    if (name !== gripChannel(pageId)) continue;
    const id = params.find((p) => p.startsWith('last-id='))?.slice(8);
    if (id && /^\d{1,15}$/.test(id)) return Number(id);
  }
  return undefined;
}

/** The hold instructions for a stream whose body ends at `seq`. */
export function gripHoldHeaders(slug: string, pageId: string, seq: number): Record<string, string> {
  return {
    'grip-hold': 'stream',
    'grip-channel': `${gripChannel(pageId)}; prev-id=${seq}`,
    'grip-link': `</live/${slug}/events?since=${seq}>; rel=next; timeout=${RECOVER_AFTER_S}`,
    'grip-keep-alive': KEEP_ALIVE,
  };
}

/**
 * Publishes frames to the proxy, one item per event (`http-stream`, the SSE bytes), in one
 * request per call. Failures are logged, not retried: the proxy finds the gap by prev-id
 * or after RECOVER_AFTER_S and asks us.
 */
export class GripPublisher {
  private readonly endpoint: URL;
  private readonly auth: string | undefined;
  private readonly agent: http.Agent;

  constructor(
    config: GripConfig,
    private readonly log: Pick<BaseLogger, 'error'>,
  ) {
    const url = new URL(config.url);
    const key = url.searchParams.get('key');
    this.auth = key ? `Bearer ${key}` : url.username ? `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}` : undefined;
    url.search = '';
    url.username = url.password = '';
    url.pathname = `${url.pathname.replace(/\/+$/, '')}/publish/`;
    this.endpoint = url;
    this.agent = url.protocol === 'https:' ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
  }

  publish(pageId: string, frames: readonly Frame[], prevSeq: number): Promise<void> {
    if (frames.length === 0) return Promise.resolve();
    const channel = gripChannel(pageId);
    const items = frames.map((f, i) => ({
      channel,
      id: String(f.seq),
      'prev-id': String(i === 0 ? prevSeq : frames[i - 1]!.seq),
      formats: { 'http-stream': { content: f.sse.toString('utf8') } },
    }));
    const body = Buffer.from(JSON.stringify({ items }));
    const mod = this.endpoint.protocol === 'https:' ? https : http;
    return new Promise<void>((resolve) => {
      const req = mod.request(
        this.endpoint,
        { method: 'POST', agent: this.agent, headers: { 'content-type': 'application/json', 'content-length': body.length, ...(this.auth ? { authorization: this.auth } : {}) } },
        (res) => {
          res.resume();
          if (res.statusCode !== 200) this.log.error({ status: res.statusCode, pageId, seq: frames.at(-1)!.seq }, 'grip: the proxy refused a publish (readers recover through the next link)');
          res.on('end', resolve);
          res.on('error', () => resolve());
        },
      );
      req.setTimeout(5000, () => req.destroy(new Error('grip publish timed out')));
      req.on('error', (err) => {
        this.log.error({ err, pageId }, 'grip: publishing to the proxy failed (readers recover through the next link)');
        resolve();
      });
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
