/** The fixed parts of a live SSE stream, whoever holds the reader's connection (the hub or a GRIP proxy). */
import { httpChunk } from './live-events.js';

export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  // Never cached, never transformed (compressed) by a proxy, never buffered by nginx.
  'cache-control': 'no-cache, no-transform',
  'x-accel-buffering': 'no',
  connection: 'keep-alive',
};

/** Fixed bytes as they are (`sse`) and as one HTTP/1.1 chunk (`chunk`), made once. */
const bytesOf = (text: string) => {
  const sse = Buffer.from(text);
  return { sse, chunk: httpChunk(sse) };
};
export const HEARTBEAT = bytesOf(': ping\n\n');
/**
 * Sent first: reconnect after 1 to 2 s (browsers default to 3 s or more), a delay drawn for
 * each stream, so the readers of a node that dies come back spread over a second rather
 * than all in the same millisecond: each node they land on, and the database, take a tenth
 * of the wave at a time, and the average reader is back half a second sooner.
 */
const PREAMBLES = Array.from({ length: 11 }, (_, i) => bytesOf(`retry: ${1000 + i * 100}\n\n`));
export const preamble = (): { sse: Buffer; chunk: Buffer } => PREAMBLES[Math.floor(Math.random() * PREAMBLES.length)]!;
