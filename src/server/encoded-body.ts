/**
 * A cached body in every content coding readers ask for, each compressed once (issue 13
 * item 7): the first reader to ask for Brotli (or gzip) of a version pays for it on zlib's
 * thread pool, concurrent askers share that work, and every later one gets the kept bytes.
 * The compressed bytes live in the same byte-bounded cache as the body (ADR 006): the
 * cache re-weighs an entry when a coding is added (`onGrow`).
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Coding } from './accept-encoding.js';

/**
 * Bodies smaller than this are sent as they are: a polling answer with no events is 25
 * bytes, and below about a packet compression saves nothing a reader would notice.
 */
export const COMPRESS_MIN_BYTES = 1024;

/**
 * Brotli quality for documents compressed once per version (docs/performance.md measures
 * 4–11 on the demo page): 11 is 12 % smaller than 5–9 for ~50 ms of one zlib thread per
 * version and coding, paid once per process whatever the page's traffic; 9 is as slow as
 * 11 here and barely smaller than 5.
 */
export const BROTLI_QUALITY = 11;
/**
 * For bodies whose URLs readers choose (polling answers for any `since`): each new one is
 * compressed, so a few milliseconds at most, never 11's tens (hostile reads, ADR 006).
 */
export const FAST_BROTLI_QUALITY = 5;
/** gzip for the few clients without Brotli (CDNs asking for gzip, old tools): zlib's best. */
export const GZIP_LEVEL = 9;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

let made = 0;
/** How many compressions this process has made (tests check that a version is compressed once). */
export const compressionsMade = (): number => made;

/** Compresses `body` in `coding` off the main thread. */
export function compress(body: Buffer, coding: Exclude<Coding, 'identity'>, brotliQuality = BROTLI_QUALITY): Promise<Buffer> {
  made++;
  if (coding === 'gzip') return gzipAsync(body, { level: GZIP_LEVEL });
  return brotli(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: brotliQuality,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
}

/** The ETag of a body's coded representation: the identity ETag with `-br` or `-gz` inside its quotes. */
export function codedEtag(etag: string, coding: Coding): string {
  if (coding === 'identity') return etag;
  return `${etag.slice(0, -1)}-${coding === 'gzip' ? 'gz' : 'br'}"`;
}

export class EncodedBody {
  private readonly coded = new Map<Coding, Buffer | Promise<Buffer>>();
  private codedBytes = 0;
  /** Told when a coding's bytes are added, so the cache holding this body re-weighs it. */
  onGrow: (() => void) | undefined;

  constructor(
    readonly identity: Buffer,
    private readonly brotliQuality = BROTLI_QUALITY,
  ) {}

  /** Whether codings other than identity are made at all (see COMPRESS_MIN_BYTES). */
  get compressible(): boolean {
    return this.identity.length >= COMPRESS_MIN_BYTES;
  }

  /** The coding a reader who asked for `wanted` gets: identity when too small to gain. */
  served(wanted: Coding): Coding {
    return this.compressible ? wanted : 'identity';
  }

  /** The bytes in `wanted`'s served coding, when already made (no waiting). */
  ready(wanted: Coding): Buffer | undefined {
    const coding = this.served(wanted);
    if (coding === 'identity') return this.identity;
    const b = this.coded.get(coding);
    return b instanceof Buffer ? b : undefined;
  }

  /** The bytes in `wanted`'s served coding: made on the first ask, once, shared by concurrent askers. */
  get(wanted: Coding): Buffer | Promise<Buffer> {
    const coding = this.served(wanted);
    if (coding === 'identity') return this.identity;
    const hit = this.coded.get(coding);
    if (hit) return hit;
    const making = compress(this.identity, coding, this.brotliQuality).then(
      (bytes) => {
        this.coded.set(coding, bytes);
        this.codedBytes += bytes.length;
        this.onGrow?.();
        return bytes;
      },
      (err: unknown) => {
        this.coded.delete(coding); // the next ask tries again
        throw err;
      },
    );
    this.coded.set(coding, making);
    return making;
  }

  /** What this body weighs in memory: its bytes in every coding made so far. */
  get bytes(): number {
    return this.identity.length + this.codedBytes;
  }
}
