import { describe, expect, it } from 'vitest';
import { clockText, formatInZone, instantOf, parseClock, usesTwelveHours, wallTimeOf, zoneCity, zoneName } from './zoned-time.js';

describe('times in the page’s zone', () => {
  it('reads an instant as the page’s wall clock and back, whatever the browser’s zone', () => {
    expect(wallTimeOf('2031-01-15T19:30:00Z', 'America/New_York')).toEqual({ date: '2031-01-15', hour: 14, minute: 30 });
    expect(instantOf({ date: '2031-01-15', hour: 14, minute: 30 }, 'America/New_York')).toBe('2031-01-15T19:30:00.000Z');
    expect(instantOf({ date: '2031-07-15', hour: 14, minute: 30 }, 'America/New_York')).toBe('2031-07-15T18:30:00.000Z');
    expect(instantOf({ date: '2031-07-15', hour: 0, minute: 5 }, 'Asia/Kolkata')).toBe('2031-07-14T18:35:00.000Z');
    expect(instantOf({ date: '2031-07-15', hour: 9, minute: 0 }, 'UTC')).toBe('2031-07-15T09:00:00.000Z');
  });

  it('across clock changes: a skipped time goes an hour later, a repeated one is the first', () => {
    // London: clocks went forward at 01:00 GMT on 30 March 2031, back at 01:00 GMT on 26 October.
    expect(instantOf({ date: '2031-03-30', hour: 1, minute: 30 }, 'Europe/London')).toBe('2031-03-30T01:30:00.000Z');
    expect(wallTimeOf('2031-03-30T01:30:00.000Z', 'Europe/London')).toMatchObject({ hour: 2, minute: 30 });
    expect(instantOf({ date: '2031-10-26', hour: 1, minute: 30 }, 'Europe/London')).toBe('2031-10-26T00:30:00.000Z');
    expect(instantOf({ date: '2031-13-01', hour: 1, minute: 30 }, 'Europe/London')).toBeNull();
  });

  it('takes times as journalists type them, and says them in the locale’s clock', () => {
    expect(parseClock('14:30')).toEqual({ hour: 14, minute: 30 });
    expect(parseClock('1430')).toEqual({ hour: 14, minute: 30 });
    expect(parseClock('9')).toEqual({ hour: 9, minute: 0 });
    expect(parseClock('2:30 pm')).toEqual({ hour: 14, minute: 30 });
    expect(parseClock('2PM')).toEqual({ hour: 14, minute: 0 });
    expect(parseClock('12 a.m.')).toEqual({ hour: 0, minute: 0 });
    expect(parseClock('12:15 PM')).toEqual({ hour: 12, minute: 15 });
    for (const bad of ['24:00', '13 pm', '9:75', 'soon', '']) expect(parseClock(bad)).toBeNull();
    expect(usesTwelveHours('en-GB')).toBe(false);
    expect(usesTwelveHours('de')).toBe(false);
    expect(usesTwelveHours('en-US')).toBe(true);
    expect(clockText(14, 5, false)).toBe('14:05');
    expect(clockText(0, 5, true)).toBe('12:05 AM');
    expect(clockText(14, 5, true)).toBe('2:05 PM');
  });

  it('names the zone and the day in the page’s words', () => {
    expect(zoneName('2031-01-15T19:30:00Z', 'America/New_York', 'en-GB')).toBe('Eastern Standard Time');
    expect(zoneCity('America/Los_Angeles')).toBe('Los Angeles');
    expect(formatInZone('2031-01-15T19:30:00Z', 'America/New_York', 'en-GB')).toBe('Wednesday 15 January, 14:30 Eastern Standard Time');
    expect(formatInZone('2031-01-15T19:30:00Z', 'America/New_York', 'en-US')).toBe('Wednesday, January 15, 2:30 PM Eastern Standard Time');
  });
});
