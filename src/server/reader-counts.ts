/**
 * Every ten seconds this process writes how many readers each page has here, so the desk
 * can add up every process's readers and chart the last hour.
 */
import { minuteOf } from '../commands/activity.js';
import { newId } from '../commands/context.js';
import type { LiveHub } from '../realtime/hub.js';
import { pruneReaderCounts, recordReaders } from '../store/activity.js';
import type { Store } from '../store/store.js';

const KEEP_MS = 2 * 60 * 60 * 1000;

export function startReaderCounts(store: Store, hub: LiveHub, onError: (err: unknown) => void, everyMs = 10_000): () => void {
  const nodeId = newId();
  let previous = new Set<string>();
  const timer = setInterval(() => {
    const now = new Date();
    const counts = hub.countsByPage();
    for (const pageId of previous) if (!counts.has(pageId)) counts.set(pageId, 0); // readers left
    previous = new Set([...counts].filter(([, n]) => n > 0).map(([id]) => id));
    store
      .write(async (db) => {
        await recordReaders(db, nodeId, minuteOf(now), counts);
        if (now.getMinutes() === 0) await pruneReaderCounts(db, minuteOf(new Date(now.getTime() - KEEP_MS)));
      })
      .catch(onError);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
