/** Graceful shutdown's socket side: stop taking connections, then wait (bounded) for the rest. */
import type { Server } from 'node:http';

/** How long shutdown waits for requests in flight after the live streams have ended. */
export const IN_FLIGHT_GRACE_MS = 10_000;

/**
 * Closes the listening socket (new connections go to other nodes) and idle keep-alive
 * connections; resolves when every connection has ended.
 */
export function stopAccepting(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

/** `p`, or nothing after `ms`. */
export async function within(p: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([p, new Promise<void>((r) => (timer = setTimeout(r, ms)))]);
  clearTimeout(timer);
}
