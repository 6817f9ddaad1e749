/** Pagination of a live page's stream (SPEC §1.7): Newest / Previous / Next / Oldest. */
import type { VNode } from 'preact';

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

/** Links for page `pageNo` of `pageCount`; "Previous" is newer, "Next" is older. */
export function paginationLinks(basePath: string, pageNo: number, pageCount: number): PaginationLinks {
  const hasNewer = pageNo > 1;
  const hasOlder = pageNo < pageCount;
  return {
    newest: hasNewer ? pageUrl(basePath, 1) : null,
    previous: hasNewer ? pageUrl(basePath, pageNo - 1) : null,
    next: hasOlder ? pageUrl(basePath, pageNo + 1) : null,
    oldest: hasOlder ? pageUrl(basePath, pageCount) : null,
  };
}

/** The pagination nav; nothing when everything fits on one page. */
export function Pagination(props: { basePath: string; pageNo: number; pageCount: number }): VNode | null {
  if (props.pageCount <= 1) return null;
  const links = paginationLinks(props.basePath, props.pageNo, props.pageCount);
  return (
    <nav class="lp-pagination" aria-label="Pagination">
      <ul class="lp-pagination__list">
        <PageLink href={links.newest} text="Newest" />
        <PageLink href={links.previous} text="Previous" rel="prev" />
        <li class="lp-pagination__status">
          Page {props.pageNo} of {props.pageCount}
        </li>
        <PageLink href={links.next} text="Next" rel="next" />
        <PageLink href={links.oldest} text="Oldest" />
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
