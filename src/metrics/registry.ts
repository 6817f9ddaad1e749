/**
 * This process's metrics (issue 16, docs/operations.md "Metrics"), through prom-client. The
 * hot paths only bump a counter or observe a histogram once per request or per event; what
 * can be read when scraped (readers per page, caches, queues) is read then, by `collect`.
 *
 * The module knows nothing of the rest of src/: the server hands it its sources (the hub's
 * counts, the caches, the store's queues) and calls the recorders it returns. Every metric
 * lives in one Registry per app, so tests can run several apps in one process.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Pages with their own `page` label on the readers gauge; the rest are summed as "other". */
export const TOP_PAGES = 20;
export const OTHER_PAGES = '_other'; // not a possible slug (SLUG_PATTERN has no "_")

/** A cache's lookups that answered a request with a body: found, or made then kept. */
export interface CacheTally {
  hits: number;
  misses: number;
  /** Body bytes of those answers. */
  bytes: number;
}

/** What the caches hold now, by name (their byte budgets are in docs/performance.md). */
export interface CacheMemory {
  cache: string;
  bytes: number;
  entries: number;
}

/** A background queue in the store, shared by every process of every node. */
export interface QueueState {
  /** Waiting to be sent or tried again. */
  pending: number;
  /** The oldest waiting job's age, in seconds (0 when none waits). */
  oldestSeconds: number;
  /** Jobs that failed for good and are still in the log. */
  failed: number;
}

export interface MetricSources {
  /** Readers connected to this process, by page id. */
  readersByPage(): Map<string, number>;
  /** Labels for pages by id (their slugs), asked for the top pages only. */
  pageLabels(ids: string[]): Promise<Map<string, string>>;
  /** Request counts of the reader-page and polling caches, by cache name. */
  tallies(): Record<string, CacheTally>;
  caches(): CacheMemory[];
  /** The webhook and image import queues; the store is asked when Prometheus scrapes. */
  queues(): Promise<Record<'webhooks' | 'imports', QueueState>>;
}

/** Seconds: from 1 ms (a local fan-out) to 10 s (something is wrong). */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface NodeMetrics {
  registry: Registry;
  /** Events committed by this process (a transaction appending three events counts three). */
  eventsPublished: Counter;
  /** Commit → the last socket write of a broadcast, once per broadcast per process. */
  fanOutSeconds: Histogram;
  /** A write request that publishes (post and page changes), by policy action. */
  publishSeconds: Histogram<'action'>;
  signInLimited: Counter;
  /** A delivery or import attempt that failed (to be retried or for good). */
  attemptFailures: Counter<'queue'>;
}

export function createMetrics(sources: MetricSources): NodeMetrics {
  const registry = new Registry();
  // Process CPU and memory, heap, GC, handles, and the event-loop delay (nodejs_eventloop_lag_*).
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  new Gauge({
    name: 'livepage_readers_connected',
    help: 'Readers with a live stream (SSE) open to this node.',
    registers,
    collect() {
      let total = 0;
      for (const n of sources.readersByPage().values()) total += n;
      this.set(total);
    },
  });
  new Gauge({
    name: 'livepage_page_readers',
    help: `Live-stream readers by page: the ${TOP_PAGES} busiest pages of each process, the rest as page="${OTHER_PAGES}".`,
    labelNames: ['page'],
    registers,
    async collect() {
      const top = topPages(sources.readersByPage(), TOP_PAGES);
      const labels = await sources.pageLabels(top.map(([id]) => id).filter((id) => id !== OTHER_PAGES));
      this.reset(); // a page that lost its readers must not keep its last value
      // A page deleted meanwhile has no label left: it counts as other.
      for (const [id, n] of top) this.inc({ page: id === OTHER_PAGES ? OTHER_PAGES : (labels.get(id) ?? OTHER_PAGES) }, n);
    },
  });

  const eventsPublished = new Counter({ name: 'livepage_events_published_total', help: 'Page events committed through this node (posts published, edited, withdrawn; page changes).', registers });
  const fanOutSeconds = new Histogram({
    name: 'livepage_fanout_seconds',
    help: 'From a commit to the last socket write of its events to the readers of one process (observed once per broadcast per process).',
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const publishSeconds = new Histogram({
    name: 'livepage_publish_request_duration_seconds',
    help: 'Duration of write requests that change what readers see (post.* and page.* actions), by action.',
    labelNames: ['action'],
    buckets: LATENCY_BUCKETS,
    registers,
  });

  cacheMetrics(registers, sources);
  const attemptFailures = queueMetrics(registers, sources);
  const signInLimited = new Counter({ name: 'livepage_sign_in_limited_total', help: 'Sign-in attempts refused by the limits (429).', registers });
  return { registry, eventsPublished, fanOutSeconds, publishSeconds, signInLimited, attemptFailures };
}

function cacheMetrics(registers: Registry[], sources: MetricSources): void {
  // Counters from tallies kept elsewhere: each scrape adds what is new since the last one.
  const seen = new Map<string, number>();
  const advance = (counter: Counter<'cache' | 'result'> | Counter<'cache'>, key: string, labels: Record<string, string>, now: number) => {
    const delta = now - (seen.get(key) ?? 0);
    if (delta > 0) (counter as Counter<string>).inc(labels, delta);
    seen.set(key, now);
  };
  new Counter({
    name: 'livepage_cache_requests_total',
    help: 'Requests answered with a body by the reader-page cache (cache="page") and the polling cache (cache="poll"): result="hit" from memory, "miss" rendered then kept.',
    labelNames: ['cache', 'result'],
    registers,
    collect() {
      for (const [cache, t] of Object.entries(sources.tallies())) {
        advance(this, `${cache} hit`, { cache, result: 'hit' }, t.hits);
        advance(this, `${cache} miss`, { cache, result: 'miss' }, t.misses);
      }
    },
  });
  new Counter({
    name: 'livepage_cache_served_bytes_total',
    help: 'Body bytes of the answers counted by livepage_cache_requests_total.',
    labelNames: ['cache'],
    registers,
    collect() {
      for (const [cache, t] of Object.entries(sources.tallies())) advance(this, `${cache} bytes`, { cache }, t.bytes);
    },
  });
  new Gauge({
    name: 'livepage_cache_bytes',
    help: 'Bytes held by each in-memory cache (bounded by its budget).',
    labelNames: ['cache'],
    registers,
    collect() {
      for (const c of sources.caches()) this.set({ cache: c.cache }, c.bytes);
    },
  });
  new Gauge({
    name: 'livepage_cache_entries',
    help: 'Entries held by each in-memory cache.',
    labelNames: ['cache'],
    registers,
    collect() {
      for (const c of sources.caches()) this.set({ cache: c.cache }, c.entries);
    },
  });
}

function queueMetrics(registers: Registry[], sources: MetricSources): Counter<'queue'> {
  // One read of both queues per scrape, shared by the three gauges that collect together.
  let reading: Promise<Record<'webhooks' | 'imports', QueueState>> | undefined;
  const read = () => (reading ??= sources.queues().finally(() => setImmediate(() => (reading = undefined))));
  // The queues are in the store, the same for every process: workers' values are not summed.
  const gauge = (name: string, help: string, pick: (q: QueueState) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['queue'],
      aggregator: 'max',
      registers,
      async collect() {
        const queues = await read();
        for (const queue of ['webhooks', 'imports'] as const) this.set({ queue }, pick(queues[queue]));
      },
    });
  gauge('livepage_queue_depth', 'Jobs waiting in a background queue (queue="webhooks": deliveries and CDN purges; "imports": external images), for the whole site.', (q) => q.pending);
  gauge('livepage_queue_oldest_age_seconds', 'Age of the oldest waiting job of a queue (0 when empty).', (q) => q.oldestSeconds);
  gauge('livepage_queue_failed', 'Jobs of a queue that failed for good and are still kept in its log.', (q) => q.failed);
  return new Counter({ name: 'livepage_queue_attempt_failures_total', help: 'Attempts (a webhook delivery, an image import) that failed in this node, retried or not.', labelNames: ['queue'], registers });
}

/** The `n` largest counts by name, and the rest summed under "other" (always present, 0 when none). */
export function topPages(counts: Map<string, number>, n: number): [string, number][] {
  const sorted = [...counts].sort((a, b) => b[1] - a[1]);
  const other = sorted.slice(n).reduce((sum, [, c]) => sum + c, 0);
  return [...sorted.slice(0, n), [OTHER_PAGES, other]];
}
