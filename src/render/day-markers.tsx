/**
 * Day markers in the stream (SPEC §1): before the first post of each day in the page's
 * zone, so a reader scrolling back through a night of coverage sees when "09:12" was.
 * The reader script adds the same markers to posts that arrive live (reader/days.ts).
 */
import { renderToString } from 'preact-render-to-string';
import type { RenderContext } from './context.js';
import { dayKey, formatDay } from './time.js';

/** A post fragment's publication instant: its first `<time datetime>` (the clock leads the article). */
function publishedOf(html: string): string | undefined {
  return /<time datetime="([^"]+)"/.exec(html)?.[1];
}

/** The day marker the stream shows before the first post of each day (in the page's zone). */
export function dayMarker(iso: string, ctx: RenderContext): string {
  const key = dayKey(iso, ctx.timeZone);
  return renderToString(
    <h2 class="lp-day" data-day={key}>
      <time dateTime={key}>{formatDay(iso, ctx.timeZone, ctx.locale, ctx.now)}</time>
    </h2>,
  );
}

/** The stream's articles with a day marker wherever the day changes in the page's zone, and before the first. */
export function withDayMarkers(postsHtml: string[], ctx: RenderContext): string {
  let out = '';
  let day: string | undefined;
  for (const html of postsHtml) {
    const at = publishedOf(html);
    const key = at && dayKey(at, ctx.timeZone);
    if (at && key !== day) {
      out += dayMarker(at, ctx);
      day = key;
    }
    out += html;
  }
  return out;
}
