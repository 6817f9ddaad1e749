/**
 * Wall-clock times in a page's time zone (pure, Intl only). A scheduled time is what the
 * page's readers will see on the post, so the desk shows and takes it in the page's zone
 * and clock (24-hour where the page's locale uses it), whatever zone and format the
 * journalist's browser has.
 */

export interface WallTime {
  /** YYYY-MM-DD */
  date: string;
  hour: number;
  minute: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * One formatter per locale and options, made once: making one costs far more than using it
 * (a desk's first render made hundreds, 100 ms of its start on a slow machine).
 */
export function dateFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

const partsFormat = (timeZone: string): Intl.DateTimeFormat =>
  dateFormat('en-US-u-ca-gregory-nu-latn', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

function fields(ms: number, timeZone: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of partsFormat(timeZone).formatToParts(new Date(ms))) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** The zone's offset from UTC at `ms`, in ms (positive east of Greenwich). */
function offsetAt(ms: number, timeZone: string): number {
  const f = fields(ms, timeZone);
  const asUtc = Date.UTC(f.year!, f.month! - 1, f.day!, f.hour! % 24, f.minute!, f.second!);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** An instant as the page's wall clock. */
export function wallTimeOf(iso: string, timeZone: string): WallTime | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const f = fields(ms, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${f.year}-${pad(f.month!)}-${pad(f.day!)}`, hour: f.hour! % 24, minute: f.minute! };
}

/**
 * The instant the page's wall clock shows `w`. In the hour skipped when clocks go
 * forward, the time an hour later; in the hour repeated when they go back, the first.
 */
export function instantOf(w: WallTime, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(w.date);
  if (!m || w.hour < 0 || w.hour > 23 || w.minute < 0 || w.minute > 59) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), w.hour, w.minute);
  // Date.UTC rolls over (month 13, 31 February): a date that is not one is refused.
  if (Number.isNaN(wall) || new Date(wall).toISOString().slice(0, 10) !== w.date) return null;
  // The offsets half a day either side: the same but across a clock change. Of the two
  // readings, those that show `w` again are right; the first of them, else (a skipped
  // hour) the one with the offset from before, which falls an hour later.
  const readings = [wall - offsetAt(wall - 43_200_000, timeZone), wall - offsetAt(wall + 43_200_000, timeZone)];
  const shows = (ms: number) => {
    const back = wallTimeOf(new Date(ms).toISOString(), timeZone);
    return back?.date === w.date && back.hour === w.hour && back.minute === w.minute;
  };
  const right = readings.filter(shows).sort((a, b) => a - b);
  const ms = right[0] ?? readings[0]!;
  return new Date(ms).toISOString();
}

/** True when the locale reads times on a 12-hour clock ("2:30 PM"). */
export function usesTwelveHours(locale: string): boolean {
  const cycle = dateFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
  return cycle === 'h12' || cycle === 'h11';
}

/** "14:30", or "2:30 PM" on a 12-hour clock. */
export function clockText(hour: number, minute: number, twelve: boolean): string {
  const mm = String(minute).padStart(2, '0');
  if (!twelve) return `${String(hour).padStart(2, '0')}:${mm}`;
  return `${hour % 12 === 0 ? 12 : hour % 12}:${mm} ${hour < 12 ? 'AM' : 'PM'}`;
}

/** A time as typed: "14:30", "14.30", "1430", "9", "2:30 pm", "2pm", "12 am". */
export function parseClock(text: string): { hour: number; minute: number } | null {
  const m = /^\s*(\d{1,2})(?:[:.h]?(\d{2}))?\s*([ap])?\.?\s*(m\.?)?\s*$/i.exec(text);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = m[2] ? Number(m[2]) : 0;
  if (minute > 59) return null;
  if (m[3]) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (m[3].toLowerCase() === 'p' ? 12 : 0);
  } else if (hour > 23) return null;
  return { hour, minute };
}

/** "Eastern Standard Time": the zone's long name at that instant, in the page's locale. */
export function zoneName(iso: string, timeZone: string, locale: string): string {
  const part = dateFormat(locale, { timeZone, timeZoneName: 'long' }).formatToParts(new Date(iso)).find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** "New York": the place a zone is named after, for the field's label. */
export const zoneCity = (timeZone: string): string => (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');

/** "Sunday 7 December, 14:30 Eastern Standard Time": an instant in the page's words. */
export function formatInZone(iso: string, timeZone: string, locale: string): string {
  const w = wallTimeOf(iso, timeZone);
  if (!w) return '';
  const day = dateFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(iso));
  return `${day}, ${clockText(w.hour, w.minute, usesTwelveHours(locale))} ${zoneName(iso, timeZone, locale)}`;
}
