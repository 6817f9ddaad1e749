/**
 * Takes a stream's connection away from node:http once its head is written, as node:http
 * itself does for an `Upgrade` request. A reader holds its connection for as long as it
 * reads, and what node:http keeps per connection — the request, the response and its head,
 * the parser (native state included), the bound callbacks of its connection state — is
 * about 6 KB, most of a reader's memory (docs/performance.md). After this the hub holds the
 * bare socket and writes the body's bytes itself.
 *
 * The steps are node:http's own for an upgrade (`onParserExecuteCommon` in _http_server):
 * remove its listeners from the socket, free the parser, detach the response. Node has no
 * public call for them, so each piece is checked first; when one is not as expected (another
 * Node version), nothing is changed and the stream stays with node:http, which only costs
 * memory. take-socket.test.ts fails when that happens on the Node we run.
 */
import type { ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { Socket } from 'node:net';

interface Parser {
  finish(): unknown;
  incoming: unknown;
}
type HttpSocket = Socket & { parser?: Parser | null; _httpMessage?: unknown };
type Detachable = ServerResponse & { detachSocket?: (socket: Socket) => void };

const { freeParser } = createRequire(import.meta.url)('_http_common') as { freeParser?: (parser: Parser, req: unknown, socket: Socket) => void };

/** node:http's listeners on a connection it serves, by event (connectionListenerInternal). */
const HTTP_LISTENERS: Record<string, string> = {
  data: 'bound socketOnData',
  end: 'bound socketOnEnd',
  close: 'bound socketOnClose',
  drain: 'bound socketOnDrain',
  error: 'socketOnError',
  timeout: 'socketOnTimeout',
  // Removed by its upgrade path's unconsume(): they would pause a socket node:http had paused.
  pause: 'onSocketPause',
  resume: 'onSocketResume',
};

/**
 * An ended stream's reader has this long to close its side: shutdown waits for every
 * connection, and a reader that never closes (or vanished without a FIN) must not hold it.
 */
export const END_GRACE_MS = 2_000;

/** The last chunk of a chunked body: the stream ends cleanly for the reader (it then reconnects). */
export const LAST_CHUNK = Buffer.from('0\r\n\r\n');

/**
 * The socket of `res`, no longer node:http's: its head must be written, its request received
 * whole, and `res` the connection's current response, with no request after it. Null
 * (nothing changed) otherwise — also when called from the request handler's synchronous
 * part, which runs inside node:http's parser — or when node:http is not as this expects.
 * The socket then closes when the reader closes or fails; bytes the reader sends are read
 * and dropped (a stream takes no request body).
 */
export function takeSocket(res: ServerResponse): Socket | null {
  const socket = res.socket as HttpSocket | null;
  const parser = socket?.parser;
  if (!socket || !parser || !freeParser || !res.headersSent || socket._httpMessage !== res || typeof (res as Detachable).detachSocket !== 'function') return null;
  // node:http still needs its parser while the request is being received — also while the
  // request's own handler runs, inside the parser's call — and for a pipelined request after it.
  if (!res.req.complete || (parser.incoming && parser.incoming !== res.req)) return null;
  const found = Object.entries(HTTP_LISTENERS).map(([event, name]) => [event, socket.listeners(event).find((fn) => fn.name === name)] as const);
  if (found.some(([, fn]) => !fn)) return null;

  for (const [event, fn] of found) socket.removeListener(event, fn as (...args: unknown[]) => void);
  parser.finish();
  freeParser(parser, res.req, socket);
  (res as Detachable).detachSocket!(socket);
  socket.setTimeout(0);
  socket.on('error', destroy);
  socket.on('end', destroy); // the reader closed its side (node:http servers allow half-open sockets)
  socket.on('data', drop);
  socket.resume(); // node:http may have paused it (its own back-pressure)
  return socket;
}

/**
 * Ends a taken socket's stream (`last`: the chunked body's end) and closes it, at the latest
 * END_GRACE_MS later — a timer, not an idle timeout, which a reader sending bytes would reset.
 */
export function endTaken(socket: Socket, last: Buffer | undefined): void {
  if (last) socket.end(last);
  else socket.end();
  const timer = setTimeout(() => socket.destroy(), END_GRACE_MS).unref();
  socket.once('close', () => clearTimeout(timer));
}

function destroy(this: Socket): void {
  this.destroy();
}

function drop(): void {}
