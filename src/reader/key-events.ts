/**
 * Keeps the "Key events" list (src/render/page.tsx KeyEvents) in step with live post
 * events, in the server's markup so a reload looks the same. An article is a key event
 * when it carries `lp-post--key-event` (post.tsx adds it for the flag and the label,
 * the same rule the server's list uses).
 */
import { strings } from './strings.js';

/** The server lists at most this many (store listKeyEvents). */
const MAX = 30;

const entryId = (li: Element): string | undefined => /(?:#post-|\/posts\/)([^/#?]+)$/.exec(li.querySelector('a')?.getAttribute('href') ?? '')?.[1];
const entryAt = (li: Element): string => li.querySelector('time')?.getAttribute('datetime') ?? '';

/**
 * Adds, updates or removes post `id`'s entry. `article` is the post's fresh, unmodified
 * `<article>` (null: unpublished); `href` is where its entry should link.
 */
export function syncKeyEvent(main: HTMLElement, id: string, article: Element | null, href: string): void {
  let section = main.querySelector('.lp-key-events');
  const old = section ? [...section.querySelectorAll('li')].find((li) => entryId(li) === id) : undefined;
  const time = article?.querySelector('.lp-post__time time[datetime]');
  if (!article?.classList.contains('lp-post--key-event') || !time) {
    old?.remove();
    if (section && !section.querySelector('li')) section.remove();
    return;
  }
  const el = (tag: string, cls?: string, text?: string): HTMLElement => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };
  if (!section) {
    section = el('details', 'lp-key-events');
    section.append(el('summary', 'lp-key-events__toggle', strings().keyEvents), el('ul', 'lp-key-events__list'));
    if (wide()) (section as HTMLDetailsElement).open = true;
    // Where the server puts it: in the aside, after the summary.
    const summary = main.querySelector('.lp-aside > #lp-slot-summary');
    if (summary) summary.after(section);
    else main.prepend(section);
  }
  const at = time.getAttribute('datetime')!;
  // "15:46 GMT" → "15:46", as formatClock gives (a live post is today's: no day needed).
  const clock = article.querySelector('.lp-post__clock')?.textContent?.trim().split(' ')[0] ?? '';
  const t = el('time', 'lp-key-events__time', clock);
  t.setAttribute('datetime', at);
  const a = el('a');
  a.setAttribute('href', old?.querySelector('a')?.getAttribute('href') ?? href);
  a.append(t, ' ', el('span', 'lp-key-events__title', article.querySelector('.lp-post__title')?.textContent ?? ''));
  const li = el('li');
  li.append(a);
  old?.remove();
  const list = section.querySelector('ul')!;
  // Newest first; ISO instants sort as strings.
  list.insertBefore(li, [...list.children].find((x) => entryAt(x) < at) ?? null);
  while (list.children.length > MAX) list.lastElementChild!.remove();
}

/** Wide screens show the key events open beside the stream (public/livepage.css, the same width). */
export const WIDE = '(min-width: 64rem)';
export const wide = (): boolean => typeof matchMedia === 'function' && matchMedia(WIDE).matches;

/** Opens the key events on a wide screen, where they sit in the side column. */
export function openKeyEventsWhenWide(main: HTMLElement): void {
  const details = main.querySelector<HTMLDetailsElement>('details.lp-key-events');
  if (details && wide()) details.open = true;
}
