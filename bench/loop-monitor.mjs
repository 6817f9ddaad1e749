/**
 * Preloaded into the servers by bench/fanout.mjs (NODE_OPTIONS=--import …) to see
 * event-loop stalls without touching the server's code: every 500 ms each process appends
 * one line {t, pid, max_ms, p99_ms, mean_ms} about the last 500 ms, and the process's memory
 * now (rss_mb, heap_used_mb, heap_total_mb, external_mb, array_buffers_mb), to
 * $FANOUT_LOOP_DIR/{pid}.jsonl, then starts a new window. The histogram is native
 * (perf_hooks.monitorEventLoopDelay, 5 ms resolution); the timer is unref'd.
 */
import { appendFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const dir = process.env.FANOUT_LOOP_DIR;
if (dir) {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  const file = `${dir}/${process.pid}.jsonl`;
  setInterval(() => {
    const m = process.memoryUsage();
    const mb = (x) => Math.round(x / 104857.6) / 10;
    const line = {
      t: Date.now(), pid: process.pid, max_ms: h.max / 1e6, p99_ms: h.percentile(99) / 1e6, mean_ms: h.mean / 1e6,
      rss_mb: mb(m.rss), heap_used_mb: mb(m.heapUsed), heap_total_mb: mb(m.heapTotal), external_mb: mb(m.external), array_buffers_mb: mb(m.arrayBuffers),
    };
    h.reset();
    try {
      appendFileSync(file, JSON.stringify(line) + '\n');
    } catch {
      /* the directory is gone: the benchmark is over */
    }
  }, 500).unref();
}
