/**
 * Bad input to POST /api/v1/media: a clear 4xx with a stable code, and nothing left behind
 * (no row, no blob, no temp file, no derivative). Over-limit bodies are refused while
 * they stream, long before the client has sent them whole.
 */
import http from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hugePng, phoneJpeg, smallImage, SVG } from '../../../test/images.js';
import { mediaFootprint, upload } from '../../../test/media.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { describeEachStore } from '../../../test/stores.js';

const MAX_BYTES = 4 * 1024 * 1024;

describeEachStore('media upload refusals', (kind) => {
  let s: TestServer;
  let empty: Awaited<ReturnType<typeof mediaFootprint>>;
  beforeAll(async () => {
    s = await startTestServer(kind, { config: { media: { maxBytes: MAX_BYTES, maxPixels: 50_000_000 } } });
    empty = await mediaFootprint(s);
  });
  afterAll(() => s.close());

  async function refused(res: Response, status: number, code: string): Promise<void> {
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect([res.status, body.error.code], body.error.message).toEqual([status, code]);
    expect(await mediaFootprint(s)).toEqual(empty);
  }

  it('a text file named .jpg: 415', async () => {
    await refused(await upload(s, Buffer.from('Not a picture at all, just words.\n'.repeat(400)), { name: 'photo.jpg' }), 415, 'unsupported_media_type');
  });

  it('an SVG (it can carry script): 415, saying why', async () => {
    const res = await upload(s, SVG, { name: 'logo.svg', type: 'image/svg+xml' });
    expect(res.status).toBe(415);
    expect(((await res.clone().json()) as { error: { message: string } }).error.message).toMatch(/SVG/);
    await refused(res, 415, 'unsupported_media_type');
  });

  it('a PDF or an empty file: 415', async () => {
    await refused(await upload(s, Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'), { name: 'a.jpg' }), 415, 'unsupported_media_type');
    await refused(await upload(s, Buffer.alloc(0), { name: 'a.jpg' }), 415, 'unsupported_media_type');
  });

  it('a truncated JPEG: 422', async () => {
    const photo = await phoneJpeg(1200, 900);
    await refused(await upload(s, photo.subarray(0, Math.floor(photo.length * 0.6))), 422, 'undecodable_image');
  });

  it('a 60-megapixel PNG (a decompression bomb: small file, huge picture): 413', async () => {
    const bomb = await hugePng(60);
    expect(bomb.length).toBeLessThan(MAX_BYTES);
    await refused(await upload(s, bomb, { name: 'bomb.png', type: 'image/png' }), 413, 'media_too_large');
  });

  it('anonymous or with a bad token: 401; a page that does not exist: 404', async () => {
    const photo = await smallImage('jpeg');
    await refused(await upload(s, photo, { as: undefined }), 401, 'unauthenticated');
    await refused(await s.api('/api/v1/media', { method: 'POST', headers: { authorization: 'Bearer nope' }, body: new FormData() }), 401, 'unauthenticated');
    await refused(await upload(s, photo, { query: '?page=missing' }), 404, 'page_not_found');
  });

  it('a form without a file, or another body type: 400 and 415', async () => {
    const form = new FormData();
    form.append('note', 'no file here');
    await refused(await s.api('/api/v1/media', { method: 'POST', as: 'contributor', body: form }), 400, 'missing_file');
    await refused(await s.api('/api/v1/media', { method: 'POST', as: 'contributor', body: new Uint8Array(await smallImage('jpeg')), headers: { 'content-type': 'image/jpeg' } }), 415, 'unsupported_media_type');
  });

  it('a file over the byte limit, sent without a length: 413 while it streams, long before it is all sent', async () => {
    const head = await phoneJpeg(800, 600); // a real JPEG start, so sniffing passes and only the size is wrong
    const { status, code, sentWhenAnswered } = await streamUpload(s, head, 40 * MAX_BYTES);
    expect([status, code]).toEqual([413, 'media_too_large']);
    expect(sentWhenAnswered).toBeLessThan(4 * MAX_BYTES); // the limit plus what sockets buffer, not 40×
    expect(await mediaFootprint(s)).toEqual(empty);
  });

  it('a declared Content-Length over the limit: 413 before a byte of the body is read', async () => {
    const { status, code, sentWhenAnswered } = await streamUpload(s, Buffer.alloc(0), 0, 1024 * 1024 * 1024);
    expect([status, code, sentWhenAnswered]).toEqual([413, 'media_too_large', 0]);
    expect(await mediaFootprint(s)).toEqual(empty);
  });
});

/**
 * A multipart upload written by hand: `head` then zeros up to `total` bytes, each chunk
 * written only once the socket drained; stops at the answer and reports how much was sent.
 */
function streamUpload(s: TestServer, head: Buffer, total: number, declaredLength?: number): Promise<{ status: number; code: string; sentWhenAnswered: number }> {
  const boundary = 'livepage-test-boundary';
  const url = new URL('/api/v1/media', s.url);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = http.request(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${s.tokens.contributor}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        ...(declaredLength ? { 'content-length': declaredLength } : { 'transfer-encoding': 'chunked' }),
      },
    });
    req.on('response', (res) => {
      answered = true;
      const sentWhenAnswered = sent;
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, code: (JSON.parse(text) as { error: { code: string } }).error.code, sentWhenAnswered }));
    });
    req.on('error', (err) => (answered ? undefined : reject(err)));
    req.flushHeaders();
    if (total === 0) return;
    const chunk = Buffer.alloc(256 * 1024);
    const write = (data: Buffer) => {
      sent += data.length;
      return req.write(data);
    };
    write(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`));
    write(head);
    const pump = () => {
      while (!answered && sent < total) if (!write(chunk)) return void req.once('drain', pump);
      if (!answered) req.end(`\r\n--${boundary}--\r\n`);
    };
    pump();
  });
}
