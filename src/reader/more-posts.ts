/**
 * "Show more posts" (issue 13 item 5): the next page's posts appended in place, the
 * address updated to that page, and the pagination swapped for that page's. Without the
 * script (and for crawlers) the pagination links do the same job page by page.
 */
import { strings } from './strings.js';

/** Adds the button before the pagination when there is a next page. */
export function enableMorePosts(main: HTMLElement): void {
  const nav = main.querySelector('.lp-pagination');
  const next = nav?.querySelector<HTMLAnchorElement>('a[rel="next"]');
  if (!nav || !next) return;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'lp-more-posts';
  button.textContent = strings().showMorePosts;
  nav.before(button);
  button.addEventListener('click', () => void load(main, button));
}

async function load(main: HTMLElement, button: HTMLButtonElement): Promise<void> {
  const nav = main.querySelector('.lp-pagination');
  const next = nav?.querySelector<HTMLAnchorElement>('a[rel="next"]');
  if (!nav || !next || button.disabled) return;
  button.disabled = true;
  try {
    const res = await fetch(next.href, { credentials: 'same-origin' });
    if (!res.ok) throw new Error(String(res.status));
    const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
    const posts = main.querySelector('.lp-stream__posts');
    const incoming = doc.querySelector('.lp-stream__posts');
    if (!posts || !incoming) throw new Error('no stream');
    const lastDay = [...posts.querySelectorAll('.lp-day')].pop()?.getAttribute('data-day');
    const first = incoming.firstElementChild;
    // The next page opens with the day marker of a day this one may already show.
    if (first?.classList.contains('lp-day') && first.getAttribute('data-day') === lastDay) first.remove();
    const added = [...incoming.children].filter((el) => !el.id || !document.getElementById(el.id));
    posts.append(...added);
    const target = added.find((el) => el.tagName === 'ARTICLE') as HTMLElement | undefined;
    const newNav = doc.querySelector('.lp-pagination');
    if (newNav) nav.replaceWith(document.adoptNode(newNav));
    history.replaceState(history.state, '', next.href);
    main.dataset.page = new URL(next.href).searchParams.get('page') ?? main.dataset.page;
    // Focus the first new post, so keyboard and screen reader users continue from there.
    if (target) {
      target.tabIndex = -1;
      target.focus({ preventScroll: true });
    }
    if (!main.querySelector('.lp-pagination a[rel="next"]')) button.remove();
    document.dispatchEvent(new CustomEvent('lp:posts-added'));
  } catch {
    // The link still works: follow it.
    location.href = next.href;
  } finally {
    button.disabled = false;
  }
}
