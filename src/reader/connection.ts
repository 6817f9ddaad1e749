/**
 * Getting the page's events: Server-Sent Events when they work, else polling the JSON
 * endpoint with backoff (slower in hidden tabs), trying SSE again now and then. Every
 * event goes through one {@link Sequencer}, so whichever way it came it is applied once,
 * in order; a gap is filled from the polling endpoint.
 */
import type { LinkState } from './status.js';
import { EVENT_TYPES, parseJson, parseUpdates, Sequencer, toEvent, type LiveEvent } from './events.js';

const SECOND = 1000;
/**
 * SSE errors within this window, this many times, and we poll instead. Only an event
 * that arrives clears the count, not `open`: a stream that opens and fails before
 * delivering anything (a proxy or server that resets it) is failing, however often it opens.
 */
const SSE_ERROR_WINDOW = 60 * SECOND;
const SSE_MAX_ERRORS = 3;
/** While polling, how long before SSE is tried again. */
const SSE_RETRY = 120 * SECOND;

/**
 * How long until the next poll: 15 s (60 s in a hidden tab); after `failures` failed
 * polls in a row 5 s, 10 s, 20 s … up to 60 s. ±10 % jitter spreads readers out.
 */
export function pollDelay(failures: number, hidden: boolean, random: () => number = Math.random): number {
  const base = failures > 0 ? Math.min(60, 5 * 2 ** (failures - 1)) : hidden ? 60 : 15;
  return Math.round(base * SECOND * (0.9 + random() * 0.2));
}

/** Error times kept to those within the window, plus `now`; too many means give up on SSE. */
export function noteError(times: number[], now: number): { times: number[]; giveUp: boolean } {
  const recent = times.filter((t) => now - t < SSE_ERROR_WINDOW);
  recent.push(now);
  return { times: recent, giveUp: recent.length >= SSE_MAX_ERRORS };
}

/** Starts listening for the events after `seq` under `base` (`/live/{slug}`). */
export function connect(base: string, seq: number, apply: (event: LiveEvent) => void, report: (state: LinkState) => void = () => {}): void {
  const sequencer = new Sequencer<LiveEvent>(seq);
  let source: EventSource | null = null;
  let errors: number[] = [];
  let polling = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight = false;
  let again = false;
  let etag: [since: number, tag: string] | undefined;

  const deliver = (events: LiveEvent[]): void => {
    for (const event of events) {
      try {
        apply(event);
      } catch {
        // A malformed event must not stop the ones after it.
      }
    }
  };

  const accept = (event: LiveEvent | null): void => {
    errors = []; // the stream delivers
    if (!event) return;
    deliver(sequencer.push(event));
    if (sequencer.gap) poll();
  };

  function schedule(): void {
    clearTimeout(timer);
    if (polling || sequencer.gap) timer = setTimeout(poll, pollDelay(failures, document.hidden && !sequencer.gap));
  }

  async function fetchUpdates(): Promise<boolean> {
    const since = sequencer.last;
    // The ETag is only meaningful for the same `since` (the same URL).
    const headers: Record<string, string> = etag?.[0] === since ? { 'If-None-Match': etag[1] } : {};
    const res = await fetch(`${base}/updates?since=${since}`, { headers, credentials: 'same-origin' });
    if (res.status === 304) return true;
    if (!res.ok) return false;
    const body = parseUpdates(await res.json());
    if (!body) return false;
    const tag = res.headers.get('ETag');
    etag = tag ? [since, tag] : undefined;
    for (const event of body.events) deliver(sequencer.push(event));
    deliver(sequencer.skipTo(body.seq));
    return true;
  }

  function poll(): void {
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    clearTimeout(timer);
    fetchUpdates()
      .catch(() => false)
      .then((ok) => {
        // A gap the answer did not fill counts as a failure: back off while it lasts.
        failures = ok && !sequencer.gap ? 0 : failures + 1;
        // While the stream is open, a poll only fills a gap: the stream says how things are.
        if (!source || source.readyState !== 1) report(ok ? 'polled' : 'down');
        inFlight = false;
        if (again) {
          again = false;
          poll();
        } else schedule();
      });
  }

  function startPolling(): void {
    if (!polling) {
      polling = true;
      poll();
    }
  }

  function openSource(): void {
    if (typeof EventSource !== 'function') return startPolling();
    const es = new EventSource(`${base}/events?since=${sequencer.last}`);
    source = es;
    es.onopen = () => {
      report('live');
      polling = false;
      if (!sequencer.gap) clearTimeout(timer);
    };
    es.onerror = () => {
      report('down');
      const noted = noteError(errors, Date.now());
      errors = noted.times;
      if (es.readyState === EventSource.CLOSED || noted.giveUp) {
        es.close();
        if (source === es) source = null;
        errors = [];
        startPolling();
        setTimeout(openSource, SSE_RETRY);
      }
    };
    for (const type of EVENT_TYPES) {
      es.addEventListener(type, (m) => accept(toEvent(type, parseJson(m.data), m.lastEventId)));
    }
  }

  document.addEventListener('visibilitychange', () => {
    // Back in view: catch up now rather than at the end of a hidden tab's long wait.
    if (!document.hidden && polling) poll();
  });
  openSource();
}
