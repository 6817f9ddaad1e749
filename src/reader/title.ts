/** Words and titles for "N new posts" (pure but for the page's strings). */
import { fill, plural, strings } from './strings.js';

const lang = (): string => (typeof document === 'undefined' ? 'en' : document.documentElement.lang || 'en');

/** "1 new post", "3 new posts" (or the page language's forms). */
export function newPostsText(n: number, language = lang()): string {
  return plural(strings().newPosts, n, language);
}

/** The tab title with `(N) ` in front while N posts are unseen. */
export function titleWithCount(base: string, n: number): string {
  return n > 0 ? `(${n}) ${base}` : base;
}

/** What the live region says for a burst of new posts. */
export function announcement(titles: string[], language = lang()): string {
  return titles.length === 1 ? fill(strings().newPost, { title: titles[0]! }) : newPostsText(titles.length, language);
}
