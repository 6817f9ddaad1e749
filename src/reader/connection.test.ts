import { describe, expect, it } from 'vitest';
import { noteError, pollDelay } from './connection.js';

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
