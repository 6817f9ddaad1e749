/**
 * The loop both background queues share (image imports, embeds): on a wake or every
 * `pollMs`, read what is due, claim it (a conditional UPDATE: one owner per job across
 * processes and nodes), run at most `concurrency` jobs at once, and look again as each
 * ends. `stop` takes no more and waits for those in flight (claims lapse if a process dies).
 */
export interface QueueLoopOptions {
  /** Jobs run at once by this process. */
  concurrency: number;
  /** How often to look for due retries (commits wake the worker at once). */
  pollMs: number;
  /** How long a claim holds: longer than a job takes. */
  claimMs: number;
}

export interface QueueJobs<J> {
  /** Ids due at `now`, at most `limit` (a plain read). */
  due(now: string, limit: number): Promise<string[]>;
  /** Takes those ids until `until`; returns the ones this process got. */
  claim(ids: string[], now: string, until: string): Promise<J[]>;
  /** Does one job; records its own failures. */
  run(job: J): Promise<void>;
}

export interface QueueWorker {
  wake(): void;
  stop(): Promise<void>;
}

export function startQueueWorker<J>(opts: QueueLoopOptions, jobs: QueueJobs<J>, onError: (err: unknown) => void): QueueWorker {
  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  let ticking: Promise<void> | undefined;
  let again = false;

  const tick = (): void => {
    if (stopped) return;
    if (ticking) {
      again = true;
      return;
    }
    ticking = (async () => {
      do {
        again = false;
        const free = opts.concurrency - inFlight.size;
        if (free <= 0 || stopped) break;
        const now = new Date();
        const due = await jobs.due(now.toISOString(), free);
        if (!due.length) break;
        const until = new Date(now.getTime() + opts.claimMs).toISOString();
        for (const claimed of await jobs.claim(due, now.toISOString(), until)) {
          const job: Promise<void> = jobs
            .run(claimed)
            .catch(onError)
            .finally(() => {
              inFlight.delete(job);
              tick();
            });
          inFlight.add(job);
        }
      } while (again);
    })()
      .catch(onError)
      .finally(() => (ticking = undefined));
  };

  const timer = setInterval(tick, opts.pollMs);
  timer.unref();
  tick(); // jobs left from before a restart

  return {
    wake: tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await ticking;
      await Promise.allSettled([...inFlight]);
    },
  };
}
