/**
 * Announces new posts through the page's polite live region (present from page load:
 * screen readers ignore regions added later). Bursts are coalesced into one
 * announcement ("3 new posts") so a busy minute does not talk over the reader.
 */
import { announcement } from './title.js';

/** Collects titles for `delay` ms, then says them in one go. */
export class Announcer {
  private titles: string[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly speak: (text: string) => void,
    private readonly delay = 1500,
  ) {}

  /** A new post arrived. */
  post(title: string): void {
    this.titles.push(title);
    this.timer ??= setTimeout(() => this.flush(), this.delay);
  }

  /** Says what has been collected now. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.titles.length > 0) this.speak(announcement(this.titles));
    this.titles = [];
  }

  /** Says something other than new posts (after any that are waiting). */
  say(text: string): void {
    this.flush();
    this.speak(text);
  }
}

/** An announcer writing into the element with this id (nothing when it is missing). */
export function regionAnnouncer(id = 'lp-announcer'): Announcer {
  return new Announcer((text) => {
    const region = document.getElementById(id);
    if (region) region.textContent = text;
  });
}
