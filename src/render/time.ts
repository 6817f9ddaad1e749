/**
 * Post times in the page's time zone and locale (SPEC §1):
 * `15:46 Greenwich Mean Time 27 February`, with the year when it is not the current one.
 *
 * Intl.DateTimeFormat is slow to construct and fast to use, and every post on every
 * page render goes through here, so formatters are built once per zone and locale.
 */
import { boundedMemo } from './bounded-memo.js';

/** The formatters of one zone and locale. */
interface Formatters {
  /** Hour, minute and the zone's long name (DST-aware: GMT vs BST). */
  time: Intl.DateTimeFormat;
  /** Hour, minute and the zone's short name, as a post shows it above its title. */
  clockZone: Intl.DateTimeFormat;
  /** Day and month in the locale's own order ("27 February", "February 27", "2月27日"). */
  date: Intl.DateTimeFormat;
  /** The same with the year, for posts from another year. */
  dateYear: Intl.DateTimeFormat;
  /** A day marker's weekday, day and month; dayYear with the year. */
  day: Intl.DateTimeFormat;
  dayYear: Intl.DateTimeFormat;
  /** `26 Feb`, before a key event's clock when it is not today. */
  shortDay: Intl.DateTimeFormat;
}

/** The locale-free formatters of one zone: the Gregorian year and the `YYYY-MM-DD` day key. */
interface ZoneFormatters {
  year: Intl.DateTimeFormat;
  key: Intl.DateTimeFormat;
}

const cache = new Map<string, Formatters>();
const zoneCache = new Map<string, ZoneFormatters>();

function formatters(timeZone: string, locale: string): Formatters {
  return boundedMemo(cache, `${timeZone}\u0000${locale}`, () => {
    // h23, not hour12:false, which renders midnight as "24" in some engines.
    const clock = { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
    return {
      time: new Intl.DateTimeFormat(locale, { ...clock, timeZoneName: 'long' }),
      clockZone: new Intl.DateTimeFormat(locale, { ...clock, timeZoneName: 'short' }),
      date: new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'long' }),
      dateYear: new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'long', year: 'numeric' }),
      day: new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long' }),
      dayYear: new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
      shortDay: new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'short' }),
    };
  });
}

function zoneFormatters(timeZone: string): ZoneFormatters {
  return boundedMemo(zoneCache, timeZone, () => ({
    year: new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', { timeZone, year: 'numeric' }),
    // en-CA gives YYYY-MM-DD, with Latin digits whatever the page's locale.
    key: new Intl.DateTimeFormat('en-CA-u-ca-gregory-nu-latn', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }),
  }));
}

/**
 * The Gregorian year of `date` in `timeZone`. Whether a post shows its year depends on
 * it, so caches of rendered posts key on it too.
 */
export function zoneYear(timeZone: string, date: Date): number {
  return Number(zoneFormatters(timeZone).year.format(date));
}

interface TimeParts {
  clock: string;
  zoneName: string;
}

/** `HH:MM` with a colon always (SPEC §1), whatever separator the locale prefers, and the zone's name. */
function timeParts(format: Intl.DateTimeFormat, date: Date): TimeParts {
  let hour = '';
  let minute = '';
  let zoneName = '';
  for (const p of format.formatToParts(date)) {
    if (p.type === 'hour') hour = p.value;
    else if (p.type === 'minute') minute = p.value;
    else if (p.type === 'timeZoneName') zoneName = p.value;
  }
  return { clock: `${hour}:${minute}`, zoneName };
}

/**
 * `HH:MM {zone long name} {day month}[ {year}]` for an ISO instant, in `timeZone` and
 * `locale`. The year is added when it differs from `now`'s year in that zone.
 */
export function formatPublished(iso: string, timeZone: string, locale: string, now: Date): string {
  const f = formatters(timeZone, locale);
  const date = new Date(iso);
  const { clock, zoneName } = timeParts(f.time, date);
  const sameYear = zoneYear(timeZone, date) === zoneYear(timeZone, now);
  const day = (sameYear ? f.date : f.dateYear).format(date);
  return `${clock} ${zoneName} ${day}`;
}

/** `HH:MM` (24-hour) for an ISO instant in `timeZone`, for "updated at". */
export function formatClock(iso: string, timeZone: string, locale: string): string {
  return timeParts(formatters(timeZone, locale).time, new Date(iso)).clock;
}

/**
 * The clock as a post shows it above its title: `15:46 GMT` (`BST` in summer for
 * Europe/London), the zone's short name in the page's locale; HH:MM with a colon always.
 */
export function formatClockZone(iso: string, timeZone: string, locale: string): string {
  const { clock, zoneName } = timeParts(formatters(timeZone, locale).clockZone, new Date(iso));
  return zoneName ? `${clock} ${zoneName}` : clock;
}

/** The calendar day of an instant in `timeZone`, `YYYY-MM-DD`: day markers and "today" compare these. */
export function dayKey(iso: string | Date, timeZone: string): string {
  return zoneFormatters(timeZone).key.format(typeof iso === 'string' ? new Date(iso) : iso);
}

/** A day marker's words: `Thursday 27 February`, with the year when it is not `now`'s. */
export function formatDay(iso: string, timeZone: string, locale: string, now: Date): string {
  const f = formatters(timeZone, locale);
  const date = new Date(iso);
  return (zoneYear(timeZone, date) === zoneYear(timeZone, now) ? f.day : f.dayYear).format(date);
}

/**
 * A key event's time: `15:46` today (in the page's zone, as of `now`), else with the day:
 * `26 Feb 15:46`.
 */
export function formatEventTime(iso: string, timeZone: string, locale: string, now: Date): string {
  const clock = formatClock(iso, timeZone, locale);
  if (dayKey(iso, timeZone) === dayKey(now, timeZone)) return clock;
  return `${formatters(timeZone, locale).shortDay.format(new Date(iso))} ${clock}`;
}
