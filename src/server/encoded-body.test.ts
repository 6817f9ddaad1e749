/** A body is compressed once per coding, whoever asks and however many ask at once. */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { codedEtag, compressionsMade, COMPRESS_MIN_BYTES, EncodedBody } from './encoded-body.js';

const text = Buffer.from('<p>A live page update, repeated so it compresses well.</p>\n'.repeat(200));

it('compresses each coding once: concurrent askers share the work, later ones get the same Buffer', async () => {
  const body = new EncodedBody(text);
  let grew = 0;
  body.onGrow = () => grew++;
  const before = compressionsMade();
  const first = await Promise.all([body.get('br'), body.get('br'), body.get('br'), body.get('gzip')]);
  expect(compressionsMade() - before).toBe(2);
  expect(first[0]).toBe(first[1]);
  expect(body.ready('br')).toBe(first[0]); // kept: the very same bytes, no work
  expect(await body.get('br')).toBe(first[0]);
  expect(compressionsMade() - before).toBe(2);
  expect(brotliDecompressSync(first[0]!).equals(text)).toBe(true);
  expect(gunzipSync(first[3]!).equals(text)).toBe(true);
  expect(grew).toBe(2);
  expect(body.bytes).toBe(text.length + first[0]!.length + first[3]!.length);
  expect(body.get('identity')).toBe(text);
});

it('leaves small bodies as they are: no coding, no work', async () => {
  const small = new EncodedBody(Buffer.from('{"seq":3,"events":[]}'));
  expect(small.identity.length).toBeLessThan(COMPRESS_MIN_BYTES);
  const before = compressionsMade();
  expect(small.served('br')).toBe('identity');
  expect(await small.get('br')).toBe(small.identity);
  expect(compressionsMade()).toBe(before);
});

it('names each coding in the ETag, inside the quotes', () => {
  expect(codedEtag('"abc-1"', 'identity')).toBe('"abc-1"');
  expect(codedEtag('"abc-1"', 'br')).toBe('"abc-1-br"');
  expect(codedEtag('"abc-1"', 'gzip')).toBe('"abc-1-gz"');
});
