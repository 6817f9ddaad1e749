/**
 * Applies live events to the page: new posts at the top of page 1 (or behind a
 * "N new posts" button when the reader is further down), edits and removals in place,
 * slot swaps for the header, summary, notice and pinned post. Whatever changes above
 * the reader's eyes, what they are reading stays where it is.
 */
import type { Announcer } from './announce.js';
import type { LiveEvent } from './events.js';
import { syncKeyEvent } from './key-events.js';
import { refreshTimes } from './times.js';
import { dayMarkerFor } from './days.js';
import { strings } from './strings.js';
import { newPostsText, titleWithCount } from './title.js';

const SLOTS = ['header', 'summary', 'notice', 'pinned'] as const;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const reducedMotion = (): boolean => matchMedia('(prefers-reduced-motion: reduce)').matches;

/** The first element of an HTML fragment, parsed inertly (a template runs nothing). */
function parse(html: string): HTMLElement | null {
  const t = document.createElement('template');
  t.innerHTML = html;
  const el = t.content.firstElementChild;
  return el instanceof HTMLElement ? el : null;
}

/** The text of an article's title, for announcements. */
const postTitle = (el: Element): string => el.querySelector('.lp-post__title')?.textContent?.trim() ?? '';

/** The reader page and what the script keeps about it. */
export class Stream {
  /** Posts waiting behind the button (page 1), or just counted (later pages). */
  private pending = new Map<string, HTMLElement>();
  /** Posts inserted while the tab was hidden: counted in the title until it is seen. */
  private unseen = 0;
  private baseTitle = document.title;
  private readonly posts: HTMLElement;
  private readonly button: HTMLButtonElement;
  private readonly bar: HTMLElement;

  constructor(
    private readonly main: HTMLElement,
    private readonly pageNo: number,
    private readonly base: string,
    private readonly announcer: Announcer,
    /** Posts kept in the stream (the embed view shows only the latest few). */
    private readonly max = Infinity,
  ) {
    this.posts = main.querySelector<HTMLElement>('.lp-stream__posts') ?? main;
    this.bar = document.createElement('div');
    this.bar.className = 'lp-new';
    this.bar.hidden = true;
    this.button = document.createElement('button');
    this.button.type = 'button';
    this.button.className = 'lp-new__button';
    this.button.addEventListener('click', () => this.reveal());
    this.bar.append(this.button);
    this.posts.before(this.bar);
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden && this.unseen) {
        this.unseen = 0;
        this.updateCount();
      }
    });
  }

  /** Applies one event; unknown types and malformed data are ignored. */
  apply(event: LiveEvent): void {
    const { type, data } = event;
    const id = str(data.id);
    const html = str(data.html);
    if (type === 'post.published' && id && html) this.published(id, html);
    else if (type === 'post.updated' && id && html !== null) this.updated(id, html);
    else if (type === 'post.unpublished' && id) this.updated(id, '');
    else if (type.startsWith('page.') && data.parts && typeof data.parts === 'object') {
      this.slots(data.parts as Record<string, unknown>);
      if (type === 'page.continued') this.announcer.say(str(data.notice) || strings().pageMoved);
    }
    if (id && type.startsWith('post.') && !this.main.hasAttribute('data-embed')) this.keyEvent(id, type === 'post.unpublished' ? '' : (html ?? ''));
  }

  /** The "Key events" list follows the post (the embed view has none). */
  private keyEvent(id: string, html: string): void {
    // A post on this page, or one about to be (page 1), is linked in-page; others by permalink.
    const here = document.getElementById(`post-${id}`) || (this.pageNo === 1 && this.pending.has(id));
    const href = here ? `#post-${id}` : `${this.base}/posts/${id}`;
    this.steady(null, () => (syncKeyEvent(this.main, id, html ? parse(html) : null, href), null));
  }

  private published(id: string, html: string): void {
    if (document.getElementById(`post-${id}`) || this.pending.has(id)) return this.updated(id, html);
    const el = parse(html);
    if (!el) return;
    // A filtered view takes only what it shows; oldest first, new posts belong at the end.
    if (this.main.dataset.only === 'key-events' && !el.classList.contains('lp-post--key-event')) return;
    if (this.main.dataset.order === 'oldest') return this.appendOldestFirst(el);
    this.announcer.post(postTitle(el));
    this.pending.set(id, el);
    if (this.pageNo === 1 && this.topInView()) {
      const count = this.insertPending();
      if (document.hidden) this.unseen += count;
    }
    this.updateCount();
  }

  /** Oldest first: a new post goes at the very end, and only the last page has the end. */
  private appendOldestFirst(el: HTMLElement): void {
    if (this.main.querySelector('.lp-pagination a[rel="next"]')) return;
    this.announcer.post(postTitle(el));
    refreshTimes(el);
    el.classList.add('lp-post--new');
    const last = [...this.posts.querySelectorAll('article')].pop();
    const marker = dayMarkerFor(el, last ?? null);
    this.posts.append(...(marker ? [marker, el] : [el]));
  }

  /** Replaces (or, with empty html, removes) a post wherever it is: waiting, stream or pinned. */
  private updated(id: string, html: string): void {
    const next = html ? parse(html) : null;
    if (this.pending.has(id)) {
      if (next) this.pending.set(id, next);
      else this.pending.delete(id);
      return this.updateCount();
    }
    const old = document.getElementById(`post-${id}`);
    if (!old) return;
    if (next) refreshTimes(next);
    this.steady(old, () => {
      if (next) old.replaceWith(next);
      else old.remove();
      return next;
    });
  }

  private slots(parts: Record<string, unknown>): void {
    for (const name of SLOTS) {
      const html = str(parts[name]);
      const slot = document.getElementById(`lp-slot-${name}`);
      const next = html !== null ? parse(html) : null;
      if (!slot || !next || next.id !== slot.id) continue;
      if (name === 'pinned') {
        // The pinned post is not in the stream, on any page.
        for (const a of next.querySelectorAll('article[id]')) {
          const copy = this.posts.querySelector(`#${CSS.escape(a.id)}`);
          if (copy) this.steady(copy, () => (copy.remove(), null));
        }
        // Only page 1 shows it; an unpinned post goes back into page 1's stream.
        if (this.pageNo !== 1) continue;
        for (const a of slot.querySelectorAll<HTMLElement>('article[id]')) if (!next.querySelector(`#${CSS.escape(a.id)}`)) this.placeByTime(a);
      }
      if (name === 'header') this.retitle(slot, next);
      refreshTimes(next);
      this.swap(slot, next);
    }
  }

  /** Swaps a slot's children, keeping those that did not change (a playing video keeps playing). */
  private swap(slot: HTMLElement, next: HTMLElement): void {
    const olds = [...slot.children];
    const news = [...next.children];
    this.steady(null, () => {
      if (olds.length === news.length) olds.forEach((o, i) => o.isEqualNode(news[i]!) || o.replaceWith(news[i]!));
      else {
        slot.textContent = '';
        slot.append(...news);
      }
      return null;
    });
  }

  /** Keeps the document title in step with a new page title. */
  private retitle(slot: Element, next: Element): void {
    const h1 = (e: Element) => e.querySelector('h1')?.textContent ?? '';
    const [before, after] = [h1(slot), h1(next)];
    if (before && after && before !== after) {
      this.baseTitle = this.baseTitle.replace(before, after);
      this.updateCount();
    }
  }

  /** Puts a post that left the pinned slot back in the stream, by its publication time. */
  private placeByTime(article: HTMLElement): void {
    const at = (e: Element) => e.querySelector('.lp-post__time time')?.getAttribute('datetime') ?? '';
    const mine = at(article);
    const later = [...this.posts.children].find((p) => p.tagName === 'ARTICLE' && at(p) < mine);
    this.steady(null, () => {
      this.posts.insertBefore(article, later ?? null);
      return null;
    });
  }

  /** True when the top of the stream is on screen or below it: new posts can go straight in. */
  private topInView(): boolean {
    return this.posts.getBoundingClientRect().top >= -1;
  }

  /** Inserts the waiting posts at the top, newest first; returns how many. */
  private insertPending(): number {
    const els = [...this.pending.values()].reverse();
    this.pending.clear();
    if (els.length === 0) return 0;
    this.main.querySelector('.lp-stream__empty')?.remove();
    for (const el of els) {
      refreshTimes(el);
      el.classList.add('lp-post--new');
    }
    // Day markers where the new posts cross midnight (in the page's zone), as the server
    // draws them: the marker on top goes, and is drawn again above whichever post now leads.
    const top = this.posts.firstElementChild;
    if (top?.classList.contains('lp-day')) top.remove();
    const oldFirst = this.posts.querySelector('article');
    this.posts.prepend(...els);
    let previous: Element | null = null;
    for (const el of oldFirst ? [...els, oldFirst] : els) {
      const marker = dayMarkerFor(el, previous);
      if (marker) el.before(marker);
      previous = el;
    }
    while (this.posts.querySelectorAll('article').length > this.max) this.posts.lastElementChild!.remove();
    return els.length;
  }

  /** The button: reveal the waiting posts and take the reader to them (page 1), or go to page 1. */
  private reveal(): void {
    if (this.pageNo !== 1) {
      location.href = this.base;
      return;
    }
    const first = this.pending.size ? [...this.pending.values()].pop()! : null;
    this.insertPending();
    this.updateCount();
    if (!first) return;
    first.tabIndex = -1;
    first.focus({ preventScroll: true });
    first.scrollIntoView({ block: 'start', behavior: reducedMotion() ? 'auto' : 'smooth' });
  }

  private updateCount(): void {
    const n = this.pending.size;
    this.bar.hidden = n === 0;
    this.button.textContent = newPostsText(n);
    document.title = titleWithCount(this.baseTitle, n + this.unseen);
  }

  /**
   * Runs a change without moving what the reader is looking at: the first post or slot
   * part still on screen keeps its place (if it is `target`, its replacement does).
   * At the very top of the document nothing is held: the page simply grows.
   */
  private steady(target: Element | null, change: () => Element | null): void {
    let anchor: Element | null = null;
    if (scrollY > 0) {
      for (const el of this.main.querySelectorAll('.lp-post, [id^="lp-slot-"] > *, .lp-key-events')) {
        if (el.getBoundingClientRect().bottom > 0) {
          anchor = el;
          break;
        }
      }
    }
    const before = anchor?.getBoundingClientRect().top ?? 0;
    // A removed anchor: the element after it takes its place.
    const after = target?.nextElementSibling ?? null;
    const replacement = change();
    const held = anchor && anchor === target ? (replacement ?? after) : anchor;
    if (held?.isConnected) {
      const moved = held.getBoundingClientRect().top - before;
      if (moved) scrollBy(0, moved);
    }
  }
}
