/** A small text answer (an oEmbed JSON, a page's HTML) through the guarded fetcher, bounded in bytes and time. */
import { embedUnusable, fetchFailed } from '../domain/errors.js';
import { guardedGet } from './guarded-fetch.js';

export interface TextFetchOptions {
  isAllowedAddress: (address: string) => boolean;
  accept: string;
  /** Content types taken (a missing one is taken too: the body is checked by its reader). */
  types: RegExp;
  maxBytes: number;
  timeoutMs: number;
}

export async function fetchText(url: string, opts: TextFetchOptions): Promise<{ url: string; text: string }> {
  const res = await guardedGet(url, {
    isAllowedAddress: opts.isAllowedAddress,
    accept: opts.accept,
    timeoutMs: opts.timeoutMs,
    maxRedirects: 3,
    check: (r) => {
      const type = r.headers['content-type'];
      if (type && !opts.types.test(type)) throw embedUnusable(`The address gave ${type.split(';')[0]}, which is not what was asked for.`);
      if (Number(r.headers['content-length'] ?? 0) > opts.maxBytes) throw tooLarge(opts.maxBytes);
    },
  });
  const chunks: Buffer[] = [];
  let bytes = 0;
  try {
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > opts.maxBytes) throw tooLarge(opts.maxBytes);
      chunks.push(chunk);
    }
  } catch (err) {
    res.body.destroy();
    if (err instanceof Error && err.name === 'AppError') throw err;
    throw fetchFailed('The answer did not arrive whole (the address stopped answering or took too long).');
  }
  return { url: res.url, text: Buffer.concat(chunks).toString('utf8') };
}

const tooLarge = (max: number) => embedUnusable(`The answer is larger than ${Math.round(max / 1024)} KB; it is not a page or post we can show.`);
