/**
 * The reader page's side column beside the stream (below the summary): the key events
 * list and the reading options. Beside the stream on wide screens, above it on phones.
 */
import type { VNode } from 'preact';
import type { RenderContext } from './context.js';
import type { Messages } from './i18n.js';
import { streamUrl, type StreamView } from './pagination.js';
import { formatEventTime } from './time.js';

/** A key event in the "Key events" list. */
export interface KeyEventLink {
  id: string;
  title: string;
  publishedAt: string;
}

/**
 * The post ids whose articles are in these fragments. Key events on other pages of the
 * stream link to their permalink instead of a `#post-…` fragment that is not here.
 */
export function articleIds(fragments: string[]): Set<string> {
  const ids = new Set<string>();
  for (const html of fragments) {
    const m = /^\s*<article id="post-([^"]+)"/.exec(html);
    if (m?.[1]) ids.add(m[1]);
  }
  return ids;
}

/**
 * Newest or oldest first, everything or key events only: plain links (they work without
 * the script, and each view is its own cached URL), the current choice marked.
 */
export function ReadingOptions({ basePath, view, m }: { basePath: string; view: StreamView; m: Messages }): VNode {
  const link = (to: StreamView, text: string) => {
    const current = to.order === view.order && to.only === view.only;
    return (
      <li>
        <a class="lp-options__link" href={streamUrl(basePath, 1, to)} aria-current={current ? 'true' : undefined}>
          {text}
        </a>
      </li>
    );
  };
  return (
    <nav class="lp-options" aria-label={m.t('readingOptions')}>
      <ul class="lp-options__list">
        {link({ ...view, order: 'newest' }, m.t('newestFirst'))}
        {link({ ...view, order: 'oldest' }, m.t('oldestFirst'))}
      </ul>
      <ul class="lp-options__list">
        {link({ ...view, only: 'all' }, m.t('allPosts'))}
        {link({ ...view, only: 'key-events' }, m.t('keyEventsOnly'))}
      </ul>
    </nav>
  );
}

export function KeyEvents(props: { events: KeyEventLink[]; basePath: string; onThisPage: Set<string>; ctx: RenderContext; m: Messages }): VNode | null {
  if (props.events.length === 0) return null;
  const { timeZone, locale, now } = props.ctx;
  // Closed on phones (a tap opens it); wide screens show it open in the side column (CSS).
  return (
    <details class="lp-key-events">
      <summary class="lp-key-events__toggle">{props.m.t('keyEvents')}</summary>
      <ul class="lp-key-events__list">
        {props.events.map((e) => (
          <li>
            <a href={props.onThisPage.has(e.id) ? `#post-${e.id}` : `${props.basePath}/posts/${e.id}`}>
              <time class="lp-key-events__time" dateTime={e.publishedAt}>
                {formatEventTime(e.publishedAt, timeZone, locale, now)}
              </time>{' '}
              <span class="lp-key-events__title">{e.title}</span>
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
