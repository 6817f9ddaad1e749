/**
 * Says how fresh the page is (issue 13 item 8): "Updated just now" in the header while
 * the stream is open (the page is current as of now), "Updated 5 minutes ago" when
 * polling answers now and then, and a discreet "Reconnecting…" once the connection has
 * been down for a few seconds (not for a blip).
 */
import { fill, strings } from './strings.js';
import { relativeTime } from './times.js';

/** Down for this long before the reader is told. */
export const RECONNECTING_AFTER = 4000;

/** What the connection reports: the stream is open, a poll answered, or it failed. */
export type LinkState = 'live' | 'polled' | 'down';

export interface StatusLine {
  report(state: LinkState): void;
  /** Rewrites the line (the page's tick). */
  tick(): void;
}

/** Drives `el` (`#lp-status`); nothing shows without it. */
export function statusLine(el: HTMLElement | null, lang: string, now = () => Date.now()): StatusLine {
  let last = 0;
  let open = false;
  let downSince = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const s = strings();
  const show = (text: string | null, reconnecting = false) => {
    if (!el) return;
    el.hidden = text === null;
    el.classList.toggle('lp-status--down', reconnecting);
    if (text !== null && el.textContent !== text) el.textContent = text;
  };
  const render = () => {
    if (downSince && now() - downSince >= RECONNECTING_AFTER) return show(s.reconnecting, true);
    if (open) last = now();
    if (!last) return show(null);
    if (now() - last < 60_000) return show(s.updatedJustNow);
    const ago = relativeTime(new Date(last).toISOString(), now(), lang);
    show(ago === null ? null : fill(s.updatedAgo, { ago }));
  };
  return {
    report(state) {
      clearTimeout(timer);
      if (state === 'down') {
        open = false;
        downSince ||= now();
        timer = setTimeout(render, Math.max(0, downSince + RECONNECTING_AFTER - now()));
        return;
      }
      open = state === 'live';
      last = now();
      downSince = 0;
      render();
    },
    tick: render,
  };
}
