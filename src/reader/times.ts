/**
 * Relative post times as the secondary line: the clock the server rendered ("15:46 GMT")
 * stays first; beside it "5 minutes ago", ticking, for the first day. The full date is
 * the `<time>`'s tooltip and, for screen readers, its hidden text. The words come from the
 * page's catalog (strings.ts `ago`), so starting costs no Intl.RelativeTimeFormat; a language
 * without a catalog gets the browser's.
 */
import { plural, strings } from './strings.js';

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
 * `lang`; null when no relative time should show: a day or more ago, or well in the
 * future (a reader's clock that is off).
 */
export function relativeTime(iso: string, now: number, lang: string): string | null {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return null;
  const ago = now - at;
  if (ago >= DAY || ago < -5 * MINUTE) return null;
  // The page's catalog when it has one (strings.ts); else the browser's words.
  const words = strings().ago;
  if (words) return ago < MINUTE ? words.justNow : ago < HOUR ? plural(words.minutes, Math.floor(ago / MINUTE), lang) : plural(words.hours, Math.floor(ago / HOUR), lang);
  // Browsers without Intl.RelativeTimeFormat (Safari before 14) keep the clock alone.
  if (typeof Intl.RelativeTimeFormat !== 'function') return null;
  if (ago < MINUTE) return /^en\b/i.test(lang) ? 'just now' : rtf(lang).format(0, 'second');
  return ago < HOUR ? rtf(lang).format(-Math.floor(ago / MINUTE), 'minute') : rtf(lang).format(-Math.floor(ago / HOUR), 'hour');
}

/** Writes each post's relative time under `root` for `now`, beside its clock; safe to call again and again. */
export function refreshTimes(root: ParentNode, now = Date.now(), lang = document.documentElement.lang || 'en'): void {
  for (const el of root.querySelectorAll<HTMLTimeElement>('.lp-post__time time[datetime]:not(.lp-post__updated)')) {
    const line = el.closest('.lp-post__time');
    if (!line) continue;
    let ago = line.querySelector<HTMLElement>('.lp-post__ago');
    const text = relativeTime(el.dateTime, now, lang);
    if (text === null) {
      ago?.remove();
      continue;
    }
    if (!ago) {
      ago = document.createElement('span');
      ago.className = 'lp-post__ago';
      // The hidden full time already says when: this is for the eye.
      ago.setAttribute('aria-hidden', 'true');
      (el.closest('a') ?? el).after(ago);
    }
    if (ago.textContent !== text) ago.textContent = text;
  }
}
