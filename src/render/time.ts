/**
 * Post times in the page's time zone and locale (SPEC §1):
 * `15:46 Greenwich Mean Time 27 February`, with the year when it is not the current one.
 *
 * Intl.DateTimeFormat is slow to construct and fast to use, and every post on every
 * page render goes through here, so formatters are built once per zone and locale.
 */

interface Formatters {
  /** Hour, minute and the zone's long name (DST-aware: GMT vs BST). */
  time: Intl.DateTimeFormat;
  /** Day and month in the locale's own order ("27 February", "February 27", "2月27日"). */
  date: Intl.DateTimeFormat;
  /** The same with the year, for posts from another year. */
  dateYear: Intl.DateTimeFormat;
}

/** Bounded: pages use a handful of zone/locale pairs; the cap only guards against abuse. */
const MAX_CACHED = 64;
const cache = new Map<string, Formatters>();

function formatters(timeZone: string, locale: string): Formatters {
  const key = `${timeZone}\u0000${locale}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const made: Formatters = {
    time: new Intl.DateTimeFormat(locale, {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      // h23, not hour12:false, which renders midnight as "24" in some engines.
      hourCycle: 'h23',
      timeZoneName: 'long',
    }),
    date: new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'long' }),
    dateYear: new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'long', year: 'numeric' }),
  };
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, made);
  return made;
}

/** Year formatters by zone; the locale does not matter for a Gregorian year number. */
const yearCache = new Map<string, Intl.DateTimeFormat>();

/**
 * The Gregorian year of `date` in `timeZone`. Whether a post shows its year depends on
 * it, so caches of rendered posts key on it too.
 */
export function zoneYear(timeZone: string, date: Date): number {
  let f = yearCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', { timeZone, year: 'numeric' });
    if (yearCache.size >= MAX_CACHED) yearCache.clear();
    yearCache.set(timeZone, f);
  }
  return Number(f.format(date));
}

interface TimeParts {
  clock: string;
  zoneName: string;
}

function timeParts(f: Formatters, date: Date): TimeParts {
  let hour = '';
  let minute = '';
  let zoneName = '';
  for (const p of f.time.formatToParts(date)) {
    if (p.type === 'hour') hour = p.value;
    else if (p.type === 'minute') minute = p.value;
    else if (p.type === 'timeZoneName') zoneName = p.value;
  }
  // Always HH:MM with a colon (SPEC §1), whatever separator the locale prefers.
  return { clock: `${hour}:${minute}`, zoneName };
}

/**
 * `HH:MM {zone long name} {day month}[ {year}]` for an ISO instant, in `timeZone` and
 * `locale`. The year is added when it differs from `now`'s year in that zone.
 */
export function formatPublished(iso: string, timeZone: string, locale: string, now: Date): string {
  const f = formatters(timeZone, locale);
  const date = new Date(iso);
  const { clock, zoneName } = timeParts(f, date);
  const sameYear = zoneYear(timeZone, date) === zoneYear(timeZone, now);
  const day = (sameYear ? f.date : f.dateYear).format(date);
  return `${clock} ${zoneName} ${day}`;
}

/** `HH:MM` (24-hour) for an ISO instant in `timeZone`, for "updated at". */
export function formatClock(iso: string, timeZone: string, locale: string): string {
  return timeParts(formatters(timeZone, locale), new Date(iso)).clock;
}

/** Short-form formatters (clock with the short zone, weekday dates), per zone and locale. */
interface ShortFormatters {
  clockZone: Intl.DateTimeFormat;
  day: Intl.DateTimeFormat;
  dayYear: Intl.DateTimeFormat;
  shortDay: Intl.DateTimeFormat;
  key: Intl.DateTimeFormat;
}

const shortCache = new Map<string, ShortFormatters>();

function shortFormatters(timeZone: string, locale: string): ShortFormatters {
  const key = `${timeZone}\u0000${locale}`;
  const hit = shortCache.get(key);
  if (hit) return hit;
  const made: ShortFormatters = {
    clockZone: new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' }),
    day: new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long' }),
    dayYear: new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
    shortDay: new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'short' }),
    // en-CA gives YYYY-MM-DD, with Latin digits whatever the page's locale.
    key: new Intl.DateTimeFormat('en-CA-u-ca-gregory-nu-latn', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }),
  };
  if (shortCache.size >= MAX_CACHED) shortCache.clear();
  shortCache.set(key, made);
  return made;
}

/**
 * The clock as a post shows it above its title: `15:46 GMT` (`BST` in summer for
 * Europe/London), the zone's short name in the page's locale; HH:MM with a colon always.
 */
export function formatClockZone(iso: string, timeZone: string, locale: string): string {
  let hour = '';
  let minute = '';
  let zone = '';
  for (const p of shortFormatters(timeZone, locale).clockZone.formatToParts(new Date(iso))) {
    if (p.type === 'hour') hour = p.value;
    else if (p.type === 'minute') minute = p.value;
    else if (p.type === 'timeZoneName') zone = p.value;
  }
  return zone ? `${hour}:${minute} ${zone}` : `${hour}:${minute}`;
}

/** The calendar day of an instant in `timeZone`, `YYYY-MM-DD`: day markers and "today" compare these. */
export function dayKey(iso: string | Date, timeZone: string, locale = 'en'): string {
  return shortFormatters(timeZone, locale).key.format(typeof iso === 'string' ? new Date(iso) : iso);
}

/** A day marker's words: `Thursday 27 February`, with the year when it is not `now`'s. */
export function formatDay(iso: string, timeZone: string, locale: string, now: Date): string {
  const f = shortFormatters(timeZone, locale);
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
  return `${shortFormatters(timeZone, locale).shortDay.format(new Date(iso))} ${clock}`;
}
