/**
 * An SSE reader on a raw TCP socket (node:net) for tests that need control over reading:
 * it can stop reading (the kernel buffers fill, the server's writes back up) and start
 * again. It speaks HTTP/1.1 and undoes the chunked framing itself.
 */
import { connect, type Socket } from 'node:net';

export interface RawFrame {
  id: number;
  event: string;
  data: string;
}

export interface RawSse {
  socket: Socket;
  /** The response head, once it has come. */
  head: string;
  frames: RawFrame[];
  /** Bytes of body received so far. */
  received: number;
  /** Resolves when the server (or anyone) closed the connection. */
  closed: Promise<void>;
  /** Resolves when `n` frames have arrived; rejects after `ms`, or if the stream closes first. */
  waitFor(n: number, ms?: number): Promise<RawFrame[]>;
  close(): void;
}

export function openRawSse(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<RawSse> {
  const { hostname, port } = new URL(baseUrl);
  const socket = connect({ host: hostname, port: Number(port) });
  const extra = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
  socket.write(`GET ${path} HTTP/1.1\r\nHost: ${hostname}\r\nAccept: text/event-stream\r\n${extra}\r\n`);
  let raw = Buffer.alloc(0); // bytes not yet parsed as head or chunks
  let body = ''; // de-chunked text not yet parsed as frames
  let isClosed = false;
  const closed = new Promise<void>((resolve) => socket.once('close', () => ((isClosed = true), resolve())));
  const sse: RawSse = {
    socket,
    head: '',
    frames: [],
    received: 0,
    closed,
    async waitFor(n, ms = 10_000) {
      const deadline = Date.now() + ms;
      while (sse.frames.length < n) {
        if (isClosed) throw new Error(`the stream closed after ${sse.frames.length} of ${n} frames`);
        if (Date.now() > deadline) throw new Error(`waited ${ms} ms for ${n} frames, got ${sse.frames.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return sse.frames;
    },
    close: () => socket.destroy(),
  };
  socket.on('error', () => {}); // a reset is seen as 'close'
  socket.on('data', (d: Buffer) => {
    raw = Buffer.concat([raw, d]);
    if (!sse.head) {
      const end = raw.indexOf('\r\n\r\n');
      if (end < 0) return;
      sse.head = raw.subarray(0, end).toString();
      raw = raw.subarray(end + 4);
    }
    // Chunks: "<hex size>\r\n<bytes>\r\n".
    for (;;) {
      const line = raw.indexOf('\r\n');
      if (line < 0) break;
      const size = parseInt(raw.subarray(0, line).toString(), 16);
      if (raw.length < line + 2 + size + 2) break;
      body += raw.subarray(line + 2, line + 2 + size).toString();
      sse.received += size;
      raw = raw.subarray(line + 2 + size + 2);
    }
    let end: number;
    while ((end = body.indexOf('\n\n')) >= 0) {
      const block = body.slice(0, end);
      body = body.slice(end + 2);
      const fields = new Map(block.split('\n').filter((l) => !l.startsWith(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]));
      if (fields.has('data')) sse.frames.push({ id: Number(fields.get('id')), event: fields.get('event') ?? 'message', data: fields.get('data')! });
    }
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(sse));
    socket.once('error', reject);
  });
}
