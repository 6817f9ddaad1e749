/**
 * Keeps the "Key events" list (src/render/page.tsx KeyEvents) in step with live post
 * events, in the server's markup so a reload looks the same. An article is a key event
 * when it carries `lp-post--key-event` (post.tsx adds it for the flag and the label,
 * the same rule the server's list uses).
 */
import { absolutePart } from './times.js';

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
    section.append(el('summary', 'lp-key-events__toggle', 'Key events'), el('ul', 'lp-key-events__list'));
    // Where the server puts it: after the notice slot, before the pinned one.
    const pinned = main.querySelector('#lp-slot-pinned');
    if (pinned) pinned.before(section);
    else main.prepend(section);
  }
  const at = time.getAttribute('datetime')!;
  // "published at 15:46 Greenwich Mean Time 27 February" → "15:46", as formatClock gives.
  const clock = absolutePart(time.getAttribute('data-abs') ?? time.textContent ?? '').split(' ')[0] ?? '';
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
