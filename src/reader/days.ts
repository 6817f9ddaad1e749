/**
 * Day markers for posts that arrive live, drawn like the server's (render/day-markers.tsx
 * dayMarker): `<h2 class="lp-day" data-day="YYYY-MM-DD"><time>Thursday 27 February</time></h2>`,
 * in the page's zone (`data-tz` on main) and language.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

function format(tz: string, locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat | null {
  const key = `${tz} ${locale} ${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, { timeZone: tz, ...options });
    } catch {
      return null;
    }
    formats.set(key, f);
  }
  return f;
}

const zone = (): string => document.getElementById('main')?.dataset.tz ?? '';
const lang = (): string => document.documentElement.lang || 'en';

/** `YYYY-MM-DD` of an instant in `tz`; null when the zone or the date is unusable. */
export function dayKey(iso: string, tz: string): string | null {
  const d = new Date(iso);
  const f = tz && !Number.isNaN(d.getTime()) ? format(tz, 'en-CA-u-ca-gregory-nu-latn', { year: 'numeric', month: '2-digit', day: '2-digit' }) : null;
  return f ? f.format(d) : null;
}

/** An article's publication instant (its first `<time>`, the clock above its title). */
const publishedAt = (article: Element): string => article.querySelector('.lp-post__time time')?.getAttribute('datetime') ?? '';

/** The day of an article in the page's zone. */
export function articleDay(article: Element): string | null {
  return dayKey(publishedAt(article), zone());
}

/** A day marker for `article`'s day. */
export function markerFor(article: Element): HTMLElement | null {
  const iso = publishedAt(article);
  const day = articleDay(article);
  const f = format(zone(), lang(), { weekday: 'long', day: 'numeric', month: 'long' });
  if (!day || !f) return null;
  const h = document.createElement('h2');
  h.className = 'lp-day';
  h.dataset.day = day;
  const t = document.createElement('time');
  t.dateTime = day;
  t.textContent = f.format(new Date(iso));
  h.append(t);
  return h;
}

/** A marker to put before `article` when the article next to it (`neighbour`) is from another day. */
export function dayMarkerFor(article: Element, neighbour: Element | null): HTMLElement | null {
  const day = articleDay(article);
  return day && (!neighbour || articleDay(neighbour) !== day) ? markerFor(article) : null;
}
