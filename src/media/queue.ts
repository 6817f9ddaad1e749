/**
 * Bounded image work: at most `concurrency` jobs decode or encode at once, whatever the
 * number of uploads, so memory stays bounded and the event loop's cores keep serving readers.
 * A reader waiting for a missing derivative goes before background pre-building.
 */
export type Priority = 'now' | 'later';

interface Job {
  run(): Promise<void>;
}

export class WorkQueue {
  private running = 0;
  private readonly waiting: Record<Priority, Job[]> = { now: [], later: [] };

  constructor(readonly concurrency = 1) {}

  /** Jobs started or waiting (for tests and operators). */
  get size(): number {
    return this.running + this.waiting.now.length + this.waiting.later.length;
  }

  /** Runs `fn` when a slot is free; resolves or rejects with its result. */
  run<T>(fn: () => Promise<T>, priority: Priority = 'now'): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting[priority].push({ run: () => fn().then(resolve, reject) });
      this.next();
    });
  }

  private next(): void {
    while (this.running < this.concurrency) {
      const job = this.waiting.now.shift() ?? this.waiting.later.shift();
      if (!job) return;
      this.running++;
      void job.run().finally(() => {
        this.running--;
        this.next();
      });
    }
  }
}
