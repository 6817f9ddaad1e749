/**
 * A graceful shutdown's schedule: streams ended spread evenly over a window, so thousands
 * of readers do not reconnect to the remaining nodes in the same second.
 */

/** How often a drain ends the streams that are due (a timer per stream would do too). */
const DRAIN_TICK_MS = 20;

/**
 * Calls `end` on each item in order, the i-th about `i / n` of the way through `windowMs`;
 * resolves once all are ended. A turn ends at most twice its share: after a stall (a GC
 * pause, a busy CPU) the items that fell due meanwhile do not all go at once; the window
 * stretches instead.
 */
export async function endSpread<T>(items: readonly T[], windowMs: number, end: (item: T) => void): Promise<void> {
  const n = items.length;
  const started = Date.now();
  const mostPerTurn = 2 * Math.max(1, Math.ceil((n * DRAIN_TICK_MS) / windowMs));
  for (let i = 0; i < n; ) {
    // Every item due by now ends in this turn (up to the cap); then wait for the next one's time.
    const due = Math.floor(((Date.now() - started) / windowMs) * n) + 1;
    const until = Math.min(due, n, i + mostPerTurn);
    for (; i < until; i++) end(items[i]!);
    if (i < n) await sleep(until < due ? DRAIN_TICK_MS : Math.max(1, Math.min(DRAIN_TICK_MS, started + (i * windowMs) / n - Date.now())));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
