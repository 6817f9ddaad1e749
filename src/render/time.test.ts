import { describe, expect, it } from 'vitest';
import { formatClock, formatPublished, zoneYear } from './time.js';

const in2025 = new Date('2025-06-01T12:00:00Z');

describe('formatPublished', () => {
  it('uses the long zone name, 24-hour time, day and month (SPEC example)', () => {
    expect(formatPublished('2025-02-27T15:46:00Z', 'Europe/London', 'en-GB', in2025)).toBe(
      '15:46 Greenwich Mean Time 27 February',
    );
  });

  it('switches to British Summer Time in summer, shifting the hour', () => {
    expect(formatPublished('2025-07-04T08:05:00Z', 'Europe/London', 'en-GB', in2025)).toBe(
      '09:05 British Summer Time 4 July',
    );
  });

  it('changes name on the DST boundary itself (London, 30 March 2025 01:00 UTC)', () => {
    expect(formatPublished('2025-03-30T00:59:00Z', 'Europe/London', 'en-GB', in2025)).toBe(
      '00:59 Greenwich Mean Time 30 March',
    );
    expect(formatPublished('2025-03-30T01:00:00Z', 'Europe/London', 'en-GB', in2025)).toBe(
      '02:00 British Summer Time 30 March',
    );
  });

  it('formats New York in standard and daylight time, with the local date', () => {
    expect(formatPublished('2025-01-15T03:30:00Z', 'America/New_York', 'en-GB', in2025)).toBe(
      '22:30 Eastern Standard Time 14 January',
    );
    expect(formatPublished('2025-07-15T16:00:00Z', 'America/New_York', 'en-GB', in2025)).toBe(
      '12:00 Eastern Daylight Time 15 July',
    );
  });

  it('handles half-hour offsets (Asia/Kolkata)', () => {
    expect(formatPublished('2025-02-27T15:46:00Z', 'Asia/Kolkata', 'en-GB', in2025)).toBe(
      '21:16 India Standard Time 27 February',
    );
  });

  it('shows midnight as 00, not 24', () => {
    expect(formatPublished('2025-01-10T00:00:00Z', 'Europe/London', 'en-GB', in2025)).toMatch(/^00:00 /);
  });

  it('adds the year when the post is from another year than now', () => {
    const in2026 = new Date('2026-01-02T09:00:00Z');
    expect(formatPublished('2025-02-27T15:46:00Z', 'Europe/London', 'en-GB', in2026)).toBe(
      '15:46 Greenwich Mean Time 27 February 2025',
    );
  });

  it('decides the year in the page zone, not in UTC', () => {
    // 31 Dec 2025 20:00 UTC is already 1 January 2026 in Kolkata.
    const post = '2025-12-31T20:00:00Z';
    const nowInKolkata2026 = new Date('2025-12-31T21:00:00Z');
    expect(formatPublished(post, 'Asia/Kolkata', 'en-GB', nowInKolkata2026)).toBe(
      '01:30 India Standard Time 1 January',
    );
    // …while in London both instants are still in 2025, and a 2026 "now" adds the year.
    expect(formatPublished(post, 'Europe/London', 'en-GB', new Date('2026-01-01T00:30:00Z'))).toBe(
      '20:00 Greenwich Mean Time 31 December 2025',
    );
    // New Year's Eve in New York: post in 2025 local time, now in 2026 UTC but 2025 locally.
    expect(formatPublished('2026-01-01T01:00:00Z', 'America/New_York', 'en-GB', new Date('2026-01-01T02:00:00Z'))).toBe(
      '20:00 Eastern Standard Time 31 December',
    );
  });

  it('writes the month in the page locale', () => {
    expect(formatPublished('2025-02-27T15:46:00Z', 'Europe/Berlin', 'de-DE', in2025)).toContain('Februar');
  });
});

describe('formatClock', () => {
  it('is HH:MM in the zone', () => {
    expect(formatClock('2025-07-04T08:05:00Z', 'Europe/London', 'en-GB')).toBe('09:05');
    expect(formatClock('2025-02-27T15:46:00Z', 'Asia/Kolkata', 'en-GB')).toBe('21:16');
    expect(formatClock('2025-01-15T03:30:00Z', 'America/New_York', 'en-US')).toBe('22:30');
  });
});

describe('zoneYear', () => {
  it('is the year in the zone, not in UTC', () => {
    const instant = new Date('2025-12-31T20:00:00Z');
    expect(zoneYear('Asia/Kolkata', instant)).toBe(2026);
    expect(zoneYear('Europe/London', instant)).toBe(2025);
    expect(zoneYear('America/New_York', new Date('2026-01-01T02:00:00Z'))).toBe(2025);
  });
});
