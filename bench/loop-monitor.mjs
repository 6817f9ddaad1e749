/**
 * Preloaded into the servers by bench/fanout.mjs (NODE_OPTIONS=--import …) to see
 * event-loop stalls without touching the server's code: every 500 ms each process appends
 * one line {t, pid, max_ms, p99_ms, mean_ms} about the last 500 ms to
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
    const line = { t: Date.now(), pid: process.pid, max_ms: h.max / 1e6, p99_ms: h.percentile(99) / 1e6, mean_ms: h.mean / 1e6 };
    h.reset();
    try {
      appendFileSync(file, JSON.stringify(line) + '\n');
    } catch {
      /* the directory is gone: the benchmark is over */
    }
  }, 500).unref();
}
