/**
 * Relative post times: "published 5 minutes ago", ticking; the absolute text (as the
 * server rendered it) after a day, and always in the `title` attribute.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

let formatter: [string, Intl.RelativeTimeFormat] | undefined;

function rtf(lang: string): Intl.RelativeTimeFormat {
  if (formatter?.[0] !== lang) {
    let f: Intl.RelativeTimeFormat;
    try {
      f = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
    } catch {
      f = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
    }
    formatter = [lang, f];
  }
  return formatter[1];
}

/**
 * "just now", "5 minutes ago", "2 hours ago" for an ISO instant seen at `now`, in
 * `lang`; null when the absolute time should show instead: a day or more ago, or well
 * in the future (a reader's clock that is off).
 */
export function relativeTime(iso: string, now: number, lang: string): string | null {
  const at = Date.parse(iso);
  // Browsers without Intl.RelativeTimeFormat (Safari before 14) keep the absolute times.
  if (Number.isNaN(at) || typeof Intl.RelativeTimeFormat !== 'function') return null;
  const ago = now - at;
  if (ago >= DAY || ago < -5 * MINUTE) return null;
  if (ago < MINUTE) return /^en\b/i.test(lang) ? 'just now' : rtf(lang).format(0, 'second');
  return ago < HOUR ? rtf(lang).format(-Math.floor(ago / MINUTE), 'minute') : rtf(lang).format(-Math.floor(ago / HOUR), 'hour');
}

const LEAD = /^(\S+) at /;

/** "published at 15:46 GMT 27 February" + "5 minutes ago" → "published 5 minutes ago". */
export function relativeLabel(absolute: string, relative: string): string {
  const m = LEAD.exec(absolute);
  return m ? `${m[1]} ${relative}` : relative;
}

/** The time itself, for the tooltip: "15:46 Greenwich Mean Time 27 February". */
export function absolutePart(absolute: string): string {
  return absolute.replace(LEAD, '');
}

/** Rewrites every post time under `root` for `now`; safe to call again and again. */
export function refreshTimes(root: ParentNode, now = Date.now(), lang = document.documentElement.lang || 'en'): void {
  for (const el of root.querySelectorAll<HTMLTimeElement>('.lp-post__time time[datetime]')) {
    let absolute = el.getAttribute('data-abs');
    if (absolute === null) {
      absolute = el.textContent ?? '';
      el.setAttribute('data-abs', absolute);
      el.title = absolutePart(absolute);
    }
    const relative = relativeTime(el.dateTime, now, lang);
    const text = relative === null ? absolute : relativeLabel(absolute, relative);
    if (el.textContent !== text) el.textContent = text;
  }
}
