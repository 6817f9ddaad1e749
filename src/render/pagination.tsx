/** Pagination of a live page's stream (SPEC §1.7): Newest / Previous / Next / Oldest. */
import type { VNode } from 'preact';
import { messages } from './i18n.js';

/** Which posts the stream shows and in which order (`?order=oldest`, `?only=key-events`). */
export interface StreamView {
  order: 'newest' | 'oldest';
  only: 'all' | 'key-events';
}

export const DEFAULT_VIEW: StreamView = { order: 'newest', only: 'all' };

/** Where each pagination link goes; null when it does not apply on this page. */
export interface PaginationLinks {
  newest: string | null;
  previous: string | null;
  next: string | null;
  oldest: string | null;
}

/**
 * The URL of page `n` of the stream at `basePath` (e.g. `/live/my-story`). Page 1 has
 * no `?page`, so it shares one URL (and one cache entry) with the canonical page.
 */
export function pageUrl(basePath: string, n: number): string {
  return n <= 1 ? basePath : `${basePath}?page=${n}`;
}

/** Page `n` of a view of the stream: its parameters in one fixed order, so each view has one URL. */
export function streamUrl(basePath: string, n: number, view: StreamView = DEFAULT_VIEW): string {
  const q: string[] = [];
  if (view.order !== 'newest') q.push(`order=${view.order}`);
  if (view.only !== 'all') q.push(`only=${view.only}`);
  if (n > 1) q.push(`page=${n}`);
  return q.length ? `${basePath}?${q.join('&')}` : basePath;
}

/** Links for page `pageNo` of `pageCount`; "Previous" is the page before (newer when newest first), "Next" the one after. */
export function paginationLinks(basePath: string, pageNo: number, pageCount: number, view: StreamView = DEFAULT_VIEW): PaginationLinks {
  const hasBefore = pageNo > 1;
  const hasAfter = pageNo < pageCount;
  const url = (n: number) => streamUrl(basePath, n, view);
  return {
    newest: hasBefore ? url(1) : null,
    previous: hasBefore ? url(pageNo - 1) : null,
    next: hasAfter ? url(pageNo + 1) : null,
    oldest: hasAfter ? url(pageCount) : null,
  };
}

/** The pagination nav; nothing when everything fits on one page. */
export function Pagination(props: { basePath: string; pageNo: number; pageCount: number; view?: StreamView; locale?: string }): VNode | null {
  if (props.pageCount <= 1) return null;
  const m = messages(props.locale ?? 'en');
  const links = paginationLinks(props.basePath, props.pageNo, props.pageCount, props.view);
  // Oldest first, the first page holds the oldest posts: the end links swap their words.
  const oldestFirst = props.view?.order === 'oldest';
  return (
    <nav class="lp-pagination" aria-label={m.t('pagination')}>
      <ul class="lp-pagination__list">
        <PageLink href={links.newest} text={m.t(oldestFirst ? 'oldest' : 'newest')} />
        <PageLink href={links.previous} text={m.t('previous')} rel="prev" />
        <li class="lp-pagination__status">{m.t('pageOf', { n: props.pageNo, count: props.pageCount })}</li>
        <PageLink href={links.next} text={m.t('next')} rel="next" />
        <PageLink href={links.oldest} text={m.t(oldestFirst ? 'newest' : 'oldest')} />
      </ul>
    </nav>
  );
}

function PageLink({ href, text, rel }: { href: string | null; text: string; rel?: string }): VNode {
  return (
    <li>
      {href ? (
        <a class="lp-pagination__link" href={href} rel={rel}>
          {text}
        </a>
      ) : (
        // Kept in place (not removed) so the controls do not shift between pages.
        <span class="lp-pagination__link lp-pagination__link--disabled">{text}</span>
      )}
    </li>
  );
}
