/**
 * Puts scheduled posts live on time: checks a few times a second (one indexed query), so a
 * post goes out within a second of its time, and after a restart catches up at once.
 */
import { publishDue } from '../commands/publishDue.js';
import type { CommandContext } from '../commands/context.js';

const EVERY_MS = 250;

export function startScheduler(ctx: CommandContext, onError: (err: unknown) => void): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    publishDue(ctx)
      .catch(onError)
      .finally(() => (running = false));
  }, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
