/** A real HTTP server standing in for other sites' image hosts: serves, redirects and misbehaves on request. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ImageHost {
  /** Base URL, e.g. http://127.0.0.1:4321 */
  url: string;
  /** Paths requested so far. */
  hits: string[];
  close(): Promise<void>;
}

/** What a route answers (a route may take its time: return a promise). */
export interface HostAnswer {
  status?: number;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

/** `routes` answers a path with a status, headers and body (404 for unknown paths). */
export async function startImageHost(
  routes: Record<string, (base: string) => HostAnswer | Promise<HostAnswer>>,
  host = '127.0.0.1',
): Promise<ImageHost> {
  const hits: string[] = [];
  let base = '';
  const server: Server = createServer(async (req, res) => {
    hits.push(req.url ?? '');
    // The exact URL first, else its path (an oEmbed endpoint answers whatever its query).
    const route = routes[req.url ?? ''] ?? routes[(req.url ?? '').split('?')[0]!];
    const answer = route ? await route(base) : { status: 404, body: 'not here' };
    res.writeHead(answer.status ?? 200, answer.headers ?? {});
    res.end(answer.body ?? '');
  });
  await new Promise<void>((ok) => server.listen(0, host, ok));
  base = `http://${host}:${(server.address() as AddressInfo).port}`;
  return { url: base, hits, close: () => new Promise((ok) => {
    server.closeAllConnections();
    server.close(() => ok());
  }) };
}
