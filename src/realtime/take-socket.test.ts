/**
 * A stream's socket taken from node:http (take-socket.ts): node:http lets go of everything
 * it kept for the connection, the reader still reads a well-formed chunked stream, and the
 * connection closes however the reader leaves. Fails when a Node upgrade changes what the
 * taking relies on (the stream would then silently cost node:http's memory again).
 */
import { createServer, get, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { once } from 'node:events';
import { afterEach, expect, it } from 'vitest';
import { httpChunk } from './live-events.js';
import { LAST_CHUNK, takeSocket } from './take-socket.js';

let server: Server | undefined;
/** Taken sockets are no longer node:http's to close. */
const taken: Socket[] = [];
afterEach(async () => {
  for (const socket of taken.splice(0)) socket.destroy();
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  server = undefined;
});

/**
 * A server whose one handler writes an SSE head, takes the socket and hands it over, after
 * an await as in the app (`sync`: at once, while node:http's parser is still in its call).
 */
async function streamServer(onTaken: (socket: Socket | null, res: ServerResponse) => void, sync = false): Promise<string> {
  server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    if (!sync) await new Promise(setImmediate);
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.flushHeaders();
    const socket = takeSocket(res);
    if (socket) taken.push(socket);
    onTaken(socket, res);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const nodeHttpListeners = (socket: Socket) =>
  ['data', 'end', 'close', 'drain', 'error', 'timeout'].flatMap((e) => socket.listeners(e).map((fn) => fn.name)).filter((n) => /socketOn/.test(n));

it('node:http lets go of the connection: no parser, no response, none of its listeners', async () => {
  let taken: { socket: Socket | null; res: ServerResponse } | undefined;
  const url = await streamServer((socket, res) => {
    taken = { socket, res };
    socket?.write(httpChunk(Buffer.from('data: one\n\n')));
  });
  const res = await new Promise<IncomingMessage>((resolve) => get(`${url}/`, resolve));
  const [first] = (await once(res, 'data')) as [Buffer];
  expect(first.toString()).toBe('data: one\n\n');
  const socket = taken!.socket!;
  expect(socket).not.toBeNull();
  expect((socket as Socket & { parser?: unknown }).parser).toBeNull();
  expect((socket as Socket & { _httpMessage?: unknown })._httpMessage).toBeNull();
  expect(taken!.res.socket).toBeNull();
  expect(nodeHttpListeners(socket)).toEqual([]);
  // The stream ends as a chunked body should: the reader sees its end, then the connection closes.
  socket.end(LAST_CHUNK);
  await once(res, 'end');
  await once(socket, 'close');
});

it('closes when the reader closes or resets, and drops what a reader sends', async () => {
  const sockets: Socket[] = [];
  const url = await streamServer((socket) => sockets.push(socket!));
  const port = new URL(url).port;
  const open = async () => {
    const c = connect(Number(port), '127.0.0.1');
    c.write('GET / HTTP/1.1\r\nhost: x\r\n\r\n');
    await once(c, 'data'); // the head
    return c;
  };
  const closing = await open();
  closing.write('anything at all, not a request'); // read and dropped: the stream stays
  await new Promise((r) => setTimeout(r, 50));
  expect(sockets[0]!.destroyed).toBe(false);
  closing.end();
  await once(sockets[0]!, 'close');

  const resetting = await open();
  resetting.resetAndDestroy(); // ECONNRESET on the server's side: handled, not thrown
  await new Promise((r) => sockets[1]!.on('close', r)); // (once() would throw the error the socket handles)
});

it.each([
  ['a pipelined request after it', false, 'GET /a HTTP/1.1\r\nhost: x\r\n\r\nGET /b HTTP/1.1\r\nhost: x\r\n\r\n', 2],
  ['a body still coming', false, 'POST / HTTP/1.1\r\nhost: x\r\ncontent-length: 10\r\n\r\n12345', 1],
  ['the handler’s synchronous part', true, 'GET / HTTP/1.1\r\nhost: x\r\n\r\n', 1],
])('leaves the connection with node:http for %s', async (_, sync, request, answers) => {
  const results: (Socket | null)[] = [];
  const url = await streamServer((socket, res) => {
    results.push(socket);
    if (socket) socket.end(Buffer.concat([httpChunk(Buffer.from('data: fine\n\n')), LAST_CHUNK]));
    else res.end('data: fine\n\n');
  }, sync);
  const c = connect(Number(new URL(url).port), '127.0.0.1');
  let received = '';
  c.on('data', (d: Buffer) => (received += d.toString()));
  c.write(request);
  await expect.poll(() => results.length).toBe(answers);
  expect(results[0]).toBeNull();
  // The last of pipelined requests is taken once node:http has answered the one before it.
  if (answers === 2) expect(results[1]).not.toBeNull();
  await expect.poll(() => received.split('data: fine').length - 1).toBe(answers); // each answered, in order
  c.destroy();
});
