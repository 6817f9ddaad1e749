import { describe, expect, it } from 'vitest';
import { relativeTime } from './times.js';

const at = Date.parse('2025-02-27T15:46:00.000Z');
const iso = new Date(at).toISOString();
const after = (ms: number) => at + ms;
const MIN = 60_000;

describe('relativeTime', () => {
  it('says "just now" within the first minute, and for a clock slightly behind', () => {
    expect(relativeTime(iso, after(0), 'en-GB')).toBe('just now');
    expect(relativeTime(iso, after(59_999), 'en-GB')).toBe('just now');
    expect(relativeTime(iso, after(-2 * MIN), 'en-GB')).toBe('just now');
  });

  it('counts whole minutes, then whole hours', () => {
    expect(relativeTime(iso, after(MIN), 'en-GB')).toBe('1 minute ago');
    expect(relativeTime(iso, after(5 * MIN + 59_000), 'en-GB')).toBe('5 minutes ago');
    expect(relativeTime(iso, after(59 * MIN), 'en-GB')).toBe('59 minutes ago');
    expect(relativeTime(iso, after(60 * MIN), 'en-GB')).toBe('1 hour ago');
    expect(relativeTime(iso, after(23 * 60 * MIN + 59 * MIN), 'en-GB')).toBe('23 hours ago');
  });

  it('gives way to the absolute time after a day, far in the future, or for a bad date', () => {
    expect(relativeTime(iso, after(24 * 60 * MIN), 'en-GB')).toBeNull();
    expect(relativeTime(iso, after(-10 * MIN), 'en-GB')).toBeNull();
    expect(relativeTime('not a date', at, 'en-GB')).toBeNull();
  });

  it("speaks the page's language, and survives a bad one", () => {
    expect(relativeTime(iso, after(5 * MIN), 'fr')).toBe('il y a 5 minutes');
    expect(relativeTime(iso, after(10_000), 'de')).toBe('jetzt');
    expect(relativeTime(iso, after(2 * 60 * MIN), 'not_a_locale!')).toBe('2 hours ago');
  });
});
