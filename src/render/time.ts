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
