/**
 * The reader script (src/reader/): live updates, "N new posts", ticking
 * relative times and click-to-load embeds on a server-rendered live page. The page
 * works without it; this only makes it live. Loaded as a module script, so it runs
 * once the document has been parsed.
 */
import { regionAnnouncer } from './announce.js';
import { connect } from './connection.js';
import { startEmbedFrame } from './embed-frame.js';
import { enableEmbeds } from './embeds.js';
import { Stream } from './stream.js';
import { openKeyEventsWhenWide } from './key-events.js';
import { enableMorePosts } from './more-posts.js';
import { enableSharing } from './share.js';
import { statusLine } from './status.js';
import { refreshTimes } from './times.js';

/** How often relative times are rewritten. */
const TICK = 30_000;

function start(): void {
  enableEmbeds();
  enableSharing();
  const main = document.getElementById('main');
  const status = statusLine(document.getElementById('lp-status'), document.documentElement.lang || 'en');
  const tick = () => {
    refreshTimes(document);
    status.tick();
  };
  tick();
  setInterval(tick, TICK);
  document.addEventListener('visibilitychange', () => document.hidden || tick());
  document.addEventListener('lp:posts-added', tick);

  // The embed view, in another site's iframe: fit the frame to the content, keep the header current.
  const embed = main?.hasAttribute('data-embed') ? startEmbedFrame() : null;
  const seq = Number(main?.dataset.seq ?? document.documentElement.dataset.seq);
  if (!main || !Number.isSafeInteger(seq) || seq < 0) return;
  const pageNo = Number(main.dataset.page) || 1;
  const base = main.dataset.base || location.pathname.replace(/\/+$/, '');
  openKeyEventsWhenWide(main);
  if (!embed) enableMorePosts(main);
  const stream = new Stream(main, pageNo, base, regionAnnouncer(), Number(main.dataset.max) || Infinity);
  connect(
    base,
    seq,
    (event) => {
      stream.apply(event);
      embed?.(event);
    },
    status.report,
  );
}

try {
  start();
} catch {
  // The server-rendered page is complete: a browser this script cannot handle keeps it.
}
