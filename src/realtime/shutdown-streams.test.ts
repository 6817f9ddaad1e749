/**
 * Shutdown ends every stream and does not wait on readers that never close their side (a
 * peer gone without a FIN, a hostile client): the streams' sockets are no longer
 * node:http's, so its closeIdleConnections() cannot cut them (take-socket.ts).
 */
import { connect } from 'node:net';
import { expect, it } from 'vitest';
import { aPage } from '../test/fixtures.js';
import { startTestServer } from '../test/server.js';
import { END_GRACE_MS } from './take-socket.js';

it('a reader that keeps its side open after the stream ended, still sending bytes, does not hold shutdown', async () => {
  const s = await startTestServer('sqlite');
  await s.api('/api/v1/pages', { method: 'POST', as: 'editor', json: aPage('lingering') });
  const reader = connect({ port: Number(new URL(s.url).port), host: '127.0.0.1', allowHalfOpen: true });
  let text = '';
  reader.on('data', (d: Buffer) => (text += d.toString('latin1')));
  reader.on('error', () => {});
  reader.write('GET /live/lingering/events HTTP/1.1\r\nhost: x\r\n\r\n');
  await expect.poll(() => s.app.hub.connections).toBe(1);
  const chatter = setInterval(() => reader.write('\r\n'), 200); // bytes keep a socket from being idle
  const started = Date.now();
  await s.close();
  expect(Date.now() - started).toBeLessThan(END_GRACE_MS + 3_000);
  expect(text).toMatch(/\r\n0\r\n\r\n$/); // the stream ended as a chunked body ends
  clearInterval(chatter);
  reader.destroy();
}, 20_000);
