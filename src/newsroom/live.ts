/**
 * Keeps the desk current: the desk's own stream (GET …/desk/events, the newsroom's, not
 * the readers') pushes what colleagues do — posts in every status, presence, the page —
 * within a moment. A slow full reread (every minute, and on coming back to the tab)
 * stands in for anything missed while the stream was down.
 */
import type { DeskFrame } from './desk-data.js';

export interface WatchOptions {
  pollMs?: number;
}

/** Calls `onFrame` for each pushed change and `onResync` for the slow rereads; returns the stop. */
export function watchDesk(slug: string, since: () => string | null, onFrame: (f: DeskFrame) => void, onResync: () => void, { pollMs = 60_000 }: WatchOptions = {}): () => void {
  let source: EventSource | null = null;
  let stopped = false;
  const open = () => {
    if (stopped || typeof EventSource === 'undefined') return;
    const at = since();
    source = new EventSource(`/api/v1/pages/${encodeURIComponent(slug)}/desk/events${at ? `?since=${encodeURIComponent(at)}` : ''}`);
    source.addEventListener('desk', (e) => onFrame(JSON.parse((e as MessageEvent<string>).data) as DeskFrame));
  };
  // The stream picks up from the first snapshot's time; wait for it briefly.
  const start = setInterval(() => {
    if (since() !== null || stopped) {
      clearInterval(start);
      open();
    }
  }, 50);
  const poll = setInterval(() => {
    if (document.visibilityState !== 'hidden') onResync();
  }, pollMs);
  const onVisible = () => document.visibilityState === 'visible' && onResync();
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    stopped = true;
    clearInterval(start);
    source?.close();
    clearInterval(poll);
    document.removeEventListener('visibilitychange', onVisible);
  };
}
