import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connect, noteError, pollDelay } from './connection.js';

describe('pollDelay', () => {
  const mid = () => 0.5; // no jitter
  it('polls every 15 s, every 60 s in a hidden tab', () => {
    expect(pollDelay(0, false, mid)).toBe(15_000);
    expect(pollDelay(0, true, mid)).toBe(60_000);
  });

  it('backs off from 5 s, doubling to 60 s, after failures', () => {
    expect([1, 2, 3, 4, 5, 9].map((n) => pollDelay(n, false, mid))).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000]);
  });

  it('spreads readers by ±10 %', () => {
    expect(pollDelay(0, false, () => 0)).toBe(13_500);
    expect(pollDelay(0, false, () => 0.999999)).toBe(16_500);
  });
});

describe('noteError', () => {
  it('gives up on SSE after three errors within a minute', () => {
    let s = noteError([], 0);
    expect(s.giveUp).toBe(false);
    s = noteError(s.times, 30_000);
    expect(s.giveUp).toBe(false);
    // The first error is now more than a minute old.
    s = noteError(s.times, 61_000);
    expect(s).toEqual({ times: [30_000, 61_000], giveUp: false });
    expect(noteError(s.times, 62_000).giveUp).toBe(true);
  });
});

/**
 * connect() with the browser's parts stood in for: an EventSource that opens and fails
 * as a resetting server makes it, and fetch answering the polling endpoint.
 */
describe('connect', () => {
  class CyclingEventSource {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSED = 2;
    static all: CyclingEventSource[] = [];
    /** Whether each open delivers one event before the stream fails. */
    static delivers = false;
    readyState = CyclingEventSource.CONNECTING;
    opens = 0;
    onopen: (() => void) | null = null;
    onerror: (() => void) | null = null;
    private readonly listeners = new Map<string, (m: { data: string; lastEventId: string }) => void>();
    private seq = 10;

    constructor(readonly url: string) {
      CyclingEventSource.all.push(this);
      this.cycle();
    }

    addEventListener(type: string, fn: (m: { data: string; lastEventId: string }) => void): void {
      this.listeners.set(type, fn);
    }

    close(): void {
      this.readyState = CyclingEventSource.CLOSED;
    }

    /** Open, maybe one event, then an error and (as browsers do) a reconnect. */
    private cycle(): void {
      setTimeout(() => {
        if (this.readyState === CyclingEventSource.CLOSED) return;
        this.readyState = CyclingEventSource.OPEN;
        this.opens++;
        this.onopen?.();
        if (CyclingEventSource.delivers) {
          const seq = ++this.seq;
          this.listeners.get('post.unpublished')?.({ data: JSON.stringify({ seq, id: 'p' }), lastEventId: String(seq) });
        }
        setTimeout(() => {
          if (this.readyState === CyclingEventSource.CLOSED) return;
          this.readyState = CyclingEventSource.CONNECTING;
          this.onerror?.();
          this.cycle();
        }, 5);
      }, 5);
    }
  }

  let polled: string[] = [];
  beforeEach(() => {
    CyclingEventSource.all = [];
    polled = [];
    vi.stubGlobal('EventSource', CyclingEventSource);
    vi.stubGlobal('document', { hidden: false, addEventListener: () => {} });
    vi.stubGlobal('fetch', async (url: string) => {
      polled.push(url);
      return new Response(JSON.stringify({ seq: 10, events: [] }), { status: 200 });
    });
  });
  afterEach(() => {
    for (const es of CyclingEventSource.all) es.close();
    vi.unstubAllGlobals();
  });

  it('polls when the stream keeps opening and failing without delivering, whatever open says', async () => {
    CyclingEventSource.delivers = false;
    connect('/live/x', 10, () => {});
    await vi.waitFor(() => expect(polled).toEqual(['/live/x/updates?since=10']), { timeout: 2000 });
    const [es] = CyclingEventSource.all;
    expect(es!.opens).toBe(3);
    expect(es!.readyState).toBe(CyclingEventSource.CLOSED);
  });

  it('keeps the stream while it delivers, even if it fails between events', async () => {
    CyclingEventSource.delivers = true;
    const applied: number[] = [];
    connect('/live/x', 10, (e) => applied.push(e.seq));
    await vi.waitFor(() => expect(applied.length).toBeGreaterThanOrEqual(8), { timeout: 2000 });
    expect(polled).toEqual([]);
    expect(applied.slice(0, 8)).toEqual([11, 12, 13, 14, 15, 16, 17, 18]);
  });
});
