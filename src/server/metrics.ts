/**
 * The app's metrics (src/metrics/): their sources wired to this process's hub, caches and
 * store, and GET /metrics on the public port — a 404 unless LIVEPAGE_METRICS_TOKEN is set,
 * then only with that bearer token (docs/operations.md, "Metrics").
 */
import type { FastifyInstance } from 'fastify';
import { createMetrics, type CacheMemory, type CacheTally, type NodeMetrics, type QueueState } from '../metrics/registry.js';
import { BEARER_CHALLENGE, bearerMatches, METRICS_CONTENT_TYPE, METRICS_PATH, NO_STORE, type Scrape } from '../metrics/exposition.js';
import type { LiveHub } from '../realtime/hub.js';
import { slugsOf } from '../store/pages.js';
import { mediaImportQueueStats, webhookQueueStats, type QueueStats } from '../store/queue-stats.js';
import type { Store } from '../store/store.js';

/** Counted where a cache answers (two increments, no allocation). */
export class CacheCounter implements CacheTally {
  hits = 0;
  misses = 0;
  bytes = 0;

  hit(bytes: number): void {
    this.hits++;
    this.bytes += bytes;
  }

  miss(bytes: number): void {
    this.misses++;
    this.bytes += bytes;
  }
}

export interface MetricsWiring {
  store: Store;
  hub: LiveHub;
  tallies: Record<string, CacheTally>;
  caches: () => CacheMemory[];
}

export function appMetrics({ store, hub, tallies, caches }: MetricsWiring): NodeMetrics {
  const state = (q: QueueStats, now: number): QueueState => ({
    pending: q.pending,
    oldestSeconds: q.oldestPendingAt ? Math.max(0, (now - Date.parse(q.oldestPendingAt)) / 1000) : 0,
    failed: q.failed,
  });
  return createMetrics({
    readersByPage: () => hub.countsByPage(),
    pageLabels: (ids) => slugsOf(store.db, ids),
    tallies: () => tallies,
    caches,
    queues: async () => {
      const [webhooks, imports] = await Promise.all([webhookQueueStats(store.db), mediaImportQueueStats(store.db)]);
      const now = Date.now();
      return { webhooks: state(webhooks, now), imports: state(imports, now) };
    },
  });
}

/**
 * GET /metrics on the public port, registered only with a token (without one it is the
 * ordinary 404 of any unknown address), and then only for its bearer.
 */
export async function metricsRoute(app: FastifyInstance, { token, scrape }: { token: string; scrape: Scrape }): Promise<void> {
  app.get(METRICS_PATH, async (req, reply) => {
    reply.headers(NO_STORE);
    if (!bearerMatches(req.headers.authorization, token))
      return reply.status(401).header('www-authenticate', BEARER_CHALLENGE).send({ error: { code: 'unauthenticated', message: 'A bearer token is required.' } });
    return reply.type(METRICS_CONTENT_TYPE).send(await scrape());
  });
}
