/** Words and titles for "N new posts" (pure). */

/** "1 new post", "3 new posts". */
export function newPostsText(n: number): string {
  return n === 1 ? '1 new post' : `${n} new posts`;
}

/** The tab title with `(N) ` in front while N posts are unseen. */
export function titleWithCount(base: string, n: number): string {
  return n > 0 ? `(${n}) ${base}` : base;
}

/** What the live region says for a burst of new posts. */
export function announcement(titles: string[]): string {
  return titles.length === 1 ? `New post: ${titles[0]}` : newPostsText(titles.length);
}
