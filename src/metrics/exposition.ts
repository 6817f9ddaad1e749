/**
 * Who may read /metrics, and how one scrape sees the whole node (docs/operations.md,
 * "Metrics"). Never public by accident: with neither LIVEPAGE_METRICS_PORT nor
 * LIVEPAGE_METRICS_TOKEN set there is no /metrics at all (404). With a token, /metrics on
 * the public port asks for `Authorization: Bearer <token>` (401 without it); with a port,
 * a listener of its own serves it (meant for a private interface; the token, when set, is
 * asked there too). Answers are `no-store`: no proxy or CDN keeps a copy.
 *
 * `serve --workers N`: every worker keeps its own metrics; the cluster's primary gathers
 * them with prom-client's AggregatorRegistry (sums, or the max for values that are the
 * same in every worker). The primary serves the metrics port; a worker asked on the public
 * port passes the scrape to the primary over IPC, so either way one answer is the node.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Cluster } from 'node:cluster';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { AggregatorRegistry, Registry } from 'prom-client';

export const METRICS_CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;
export const METRICS_PATH = '/metrics';

/** The scrape's text, for this process alone or for the whole node. */
export type Scrape = () => Promise<string>;

export type ScrapeAnswer = { status: 200; body: string } | { status: 401 | 404; body: string };

/** Whether `authorization` carries the bearer token (compared in constant time). */
export function bearerMatches(authorization: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!m) return false;
  const given = Buffer.from(m[1]!);
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** Headers of every /metrics answer: never cached anywhere. */
export const NO_STORE = { 'cache-control': 'no-store' } as const;

/** WWW-Authenticate for a 401, as RFC 6750 asks. */
export const BEARER_CHALLENGE = 'Bearer realm="livepage metrics"';

/** Serves /metrics on a port of its own (GET only); everything else there is a 404. */
export function startMetricsServer(opts: { port: number; host: string; token: string | undefined; scrape: Scrape; onError: (err: unknown) => void }): Promise<Server> {
  const server = createServer((req, res) => void answer(req, res).catch((err: unknown) => fail(res, err)));
  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '').split('?')[0];
    if (path !== METRICS_PATH || (req.method !== 'GET' && req.method !== 'HEAD')) return void res.writeHead(404, { ...NO_STORE, 'content-type': 'text/plain' }).end('Not found\n');
    if (opts.token !== undefined && !bearerMatches(req.headers.authorization, opts.token))
      return void res.writeHead(401, { ...NO_STORE, 'www-authenticate': BEARER_CHALLENGE, 'content-type': 'text/plain' }).end('A bearer token is required.\n');
    const body = await opts.scrape();
    res.writeHead(200, { ...NO_STORE, 'content-type': METRICS_CONTENT_TYPE }).end(req.method === 'HEAD' ? undefined : body);
  }
  function fail(res: ServerResponse, err: unknown): void {
    opts.onError(err);
    if (!res.headersSent) res.writeHead(503, { ...NO_STORE, 'content-type': 'text/plain' });
    res.end('The metrics could not be gathered.\n');
  }
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

interface ScrapeRequest {
  livepage: 'metrics?';
  id: number;
}
interface ScrapeReply {
  livepage: 'metrics';
  id: number;
  text?: string;
  error?: string;
}
const isScrapeRequest = (m: unknown): m is ScrapeRequest => typeof m === 'object' && m !== null && (m as ScrapeRequest).livepage === 'metrics?';
const isScrapeReply = (m: unknown): m is ScrapeReply => typeof m === 'object' && m !== null && (m as ScrapeReply).livepage === 'metrics';

/**
 * In the primary: gathers the workers' metrics (prom-client asks each over IPC) and
 * answers workers that were scraped on the public port. Returns the node's scrape.
 */
export function aggregateWorkers(cluster: Cluster): Scrape {
  const aggregator = new AggregatorRegistry();
  const scrape = () => aggregator.clusterMetrics();
  cluster.on('message', (worker, message) => {
    if (!isScrapeRequest(message)) return;
    scrape().then(
      (text) => worker.isConnected() && worker.send({ livepage: 'metrics', id: message.id, text } satisfies ScrapeReply),
      (err: Error) => worker.isConnected() && worker.send({ livepage: 'metrics', id: message.id, error: err.message } satisfies ScrapeReply),
    );
  });
  return scrape;
}

/** How long a worker waits for the primary's aggregate (prom-client gives up on a worker after 5 s). */
const PRIMARY_TIMEOUT_MS = 8_000;

/**
 * In a worker: `registry` is what this worker answers the primary with, and the returned
 * scrape asks the primary for the whole node's metrics.
 */
export function workerScrape(registry: Registry): Scrape {
  AggregatorRegistry.setRegistries([registry]);
  new AggregatorRegistry(); // its constructor makes this worker answer the primary's requests
  let next = 0;
  const waiting = new Map<number, { resolve: (text: string) => void; reject: (err: Error) => void }>();
  process.on('message', (m: unknown) => {
    if (!isScrapeReply(m)) return;
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (m.text !== undefined) w?.resolve(m.text);
    else w?.reject(new Error(`the primary could not gather the metrics: ${m.error}`));
  });
  return () =>
    new Promise<string>((resolve, reject) => {
      const id = next++;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error('the primary did not answer with the metrics in time'));
      }, PRIMARY_TIMEOUT_MS);
      waiting.set(id, {
        resolve: (text) => (clearTimeout(timer), resolve(text)),
        reject: (err) => (clearTimeout(timer), reject(err)),
      });
      process.send?.({ livepage: 'metrics?', id } satisfies ScrapeRequest, undefined, {}, (err) => err && waiting.get(id)?.reject(err));
    });
}
