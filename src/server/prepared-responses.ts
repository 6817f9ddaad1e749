/**
 * A cached document's responses, one per content coding, prepared once: node's flat header
 * array and the bytes, so serving a cached page is choosing a coding from Accept-Encoding
 * and writing two buffers. Each coding has its own ETag (server/encoded-body.ts, `-br`,
 * `-gz`), so a conditional request is answered 304 for exactly the representation the
 * client holds, and every response says `Vary: Accept-Encoding` for the caches between.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { chooseCoding, type Coding } from './accept-encoding.js';
import { codedEtag, EncodedBody } from './encoded-body.js';
import { etagMatches } from './http.js';

/** One coding's response: what `writeHead` and `end` need for a 200, and for a 304. */
export interface Representation {
  etag: string;
  body: Buffer;
  headers: (string | number)[];
  notModifiedHeaders: (string | number)[];
}

/** Roughly what the prepared header arrays weigh (counted in cache budgets). */
const HEADERS_BYTES = 2048;

export class PreparedResponses {
  readonly encoded: EncodedBody;
  private readonly made = new Map<Coding, Representation>();

  /**
   * @param base headers every response of this document carries (security headers, Cache-Control)
   * @param type its Content-Type
   */
  constructor(
    body: Buffer,
    readonly etag: string,
    private readonly base: readonly (string | number)[],
    private readonly type: string,
  ) {
    this.encoded = new EncodedBody(body);
  }

  /** The identity response (a client that sent no Accept-Encoding). */
  get identity(): Representation {
    return this.represent('identity', this.encoded.identity);
  }

  /** The ETag a client asking for `wanted` holds when it holds this version. */
  etagFor(wanted: Coding): string {
    return codedEtag(this.etag, this.encoded.served(wanted));
  }

  /** The 304's headers for a client asking for `wanted` (no bytes needed, none compressed). */
  notModifiedHeaders(wanted: Coding): (string | number)[] {
    return this.notModified(this.etagFor(wanted));
  }

  /** `wanted`'s response when its bytes are made already. */
  ready(wanted: Coding): Representation | undefined {
    const coding = this.encoded.served(wanted);
    const hit = this.made.get(coding);
    if (hit) return hit;
    const body = this.encoded.ready(coding);
    return body && this.represent(coding, body);
  }

  /** `wanted`'s response, compressing its bytes first if no one has asked for them yet. */
  async get(wanted: Coding): Promise<Representation> {
    const coding = this.encoded.served(wanted);
    return this.ready(coding) ?? this.represent(coding, await this.encoded.get(coding));
  }

  /** What this document weighs: its bytes in every coding made so far, and their headers. */
  get bytes(): number {
    return this.encoded.bytes + HEADERS_BYTES;
  }

  private notModified(etag: string): (string | number)[] {
    return [...this.base, 'etag', etag, 'vary', 'Accept-Encoding'];
  }

  private represent(coding: Coding, body: Buffer): Representation {
    let r = this.made.get(coding);
    if (!r) {
      const etag = codedEtag(this.etag, coding);
      const notModifiedHeaders = this.notModified(etag);
      const encoding = coding === 'identity' ? [] : ['content-encoding', coding];
      const headers = [...notModifiedHeaders, 'content-type', this.type, ...encoding, 'content-length', body.length];
      r = { etag, body, headers, notModifiedHeaders };
      this.made.set(coding, r);
    }
    return r;
  }
}

/**
 * Answers `req` with the document: a 304 when If-None-Match names the representation it
 * would get, else that representation (compressed first when it is the first to ask). HEAD
 * gets the same headers and no body (node sends none for HEAD). A compression that fails
 * (it should not) sends the identity bytes rather than an error. `extra` headers (the
 * request id) are appended to the prepared ones; `sent` hears of each 200 and the bytes of
 * its body (0 for HEAD), for the cache metrics.
 */
export function respond(doc: PreparedResponses, req: IncomingMessage, res: ServerResponse, extra?: (string | number)[], sent?: (bytes: number) => void): void {
  const wanted = chooseCoding(req.headers['accept-encoding']);
  const withExtra = (headers: (string | number)[]) => (extra ? headers.concat(extra) : headers);
  if (etagMatches(req.headers['if-none-match'], doc.etagFor(wanted))) {
    res.writeHead(304, withExtra(doc.notModifiedHeaders(wanted))).end();
    return;
  }
  const send = (r: Representation) => {
    sent?.(req.method === 'HEAD' ? 0 : r.body.length);
    res.writeHead(200, withExtra(r.headers)).end(r.body);
  };
  const r = doc.ready(wanted);
  if (r) return send(r);
  doc.get(wanted).then(send, () => send(doc.identity));
}
