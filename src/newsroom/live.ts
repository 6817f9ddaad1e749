/**
 * Keeps the desk current: the page's own event stream (SPEC §4) says when readers'
 * content changed; the desk then refetches its lists (events carry reader HTML, the desk
 * wants JSON). Polling every 10 s catches what readers never see — submissions, drafts,
 * schedules, presence — and stands in when the stream is down.
 */
const EVENT_TYPES = ['post.published', 'post.updated', 'post.unpublished', 'page.updated', 'page.continued', 'page.ended'];

export interface WatchOptions {
  pollMs?: number;
  /** Gathers a burst of events into one refetch. */
  settleMs?: number;
}

/** Calls `onChange` after page events and on every poll; returns a function that stops watching. */
export function watchPage(slug: string, onChange: () => void, { pollMs = 10_000, settleMs = 150 }: WatchOptions = {}): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    if (timer === undefined) timer = setTimeout(() => ((timer = undefined), onChange()), settleMs);
  };
  let source: EventSource | null = null;
  if (typeof EventSource !== 'undefined') {
    source = new EventSource(`/live/${encodeURIComponent(slug)}/events`);
    for (const type of EVENT_TYPES) source.addEventListener(type, soon);
  }
  const poll = setInterval(() => {
    if (document.visibilityState !== 'hidden') onChange();
  }, pollMs);
  // Back on the tab after a while: catch up at once.
  const onVisible = () => document.visibilityState === 'visible' && soon();
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    source?.close();
    clearInterval(poll);
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisible);
  };
}
