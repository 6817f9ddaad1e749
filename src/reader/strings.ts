/**
 * The reader script's words, in the page's language: the server puts them in a JSON data
 * block (`#lp-strings`, from the page's message catalog), so the script carries no
 * catalog of its own and stays small. English when the block is missing (the embed view
 * of an older release, tests).
 */

export interface ReaderStrings {
  /** Plural forms by Intl.PluralRules category; `#` stands for the number. */
  newPosts: Record<string, string>;
  newPost: string;
  pageMoved: string;
  reconnecting: string;
  updatedJustNow: string;
  updatedAgo: string;
  copyLink: string;
  linkCopied: string;
  share: string;
  showMorePosts: string;
  keyEvents: string;
  /** The page's digits, 0 to 9: small numbers are written with them (no Intl.NumberFormat to start). */
  digits: string;
  /** A post's age from the page's catalog (plural forms as newPosts); absent for a language without one. */
  ago?: { justNow: string; minutes: Record<string, string>; hours: Record<string, string> };
}

export const ENGLISH: ReaderStrings = {
  newPosts: { one: '# new post', other: '# new posts' },
  newPost: 'New post: {title}',
  pageMoved: 'This page has moved',
  reconnecting: 'Reconnecting…',
  updatedJustNow: 'Updated just now',
  updatedAgo: 'Updated {ago}',
  copyLink: 'Copy link',
  linkCopied: 'Link copied',
  share: 'Share',
  showMorePosts: 'Show more posts',
  keyEvents: 'Key events',
  digits: '0123456789',
};

let loaded: ReaderStrings | undefined;

/** The page's strings (read once), each falling back to English. */
export function strings(): ReaderStrings {
  if (!loaded) {
    let own: Partial<ReaderStrings> = {};
    try {
      if (typeof document !== 'undefined') own = JSON.parse(document.getElementById('lp-strings')?.textContent ?? '{}') as Partial<ReaderStrings>;
    } catch {
      // A broken block: English.
    }
    loaded = { ...ENGLISH, ...own };
  }
  return loaded;
}

/** For tests: forget what was read. */
export function resetStrings(value?: ReaderStrings): void {
  loaded = value;
}

/** `{name}` in `template` replaced by `values[name]`. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
}

const rules = new Map<string, Intl.PluralRules | null>();

/** A plural message for `n` in `lang`: the form for n's category (else `other`), `#` as the number. */
export function plural(forms: Record<string, string>, n: number, lang: string): string {
  if (!rules.has(lang)) {
    try {
      rules.set(lang, new Intl.PluralRules(lang));
    } catch {
      rules.set(lang, null); // an odd tag: `other`
    }
  }
  const category = rules.get(lang)?.select(n) ?? 'other';
  const form = forms[`=${n}`] ?? forms[category] ?? forms.other ?? '#';
  return form.replace(/#/g, () => number(n, lang));
}

/** `n` in the page's digits; a large or odd number (rare here) through the browser's formatter. */
function number(n: number, lang: string): string {
  const { digits } = strings();
  if (Number.isInteger(n) && n >= 0 && n < 1000 && digits.length === 10) return String(n).replace(/\d/g, (d) => digits[Number(d)]!);
  try {
    return n.toLocaleString(lang);
  } catch {
    return String(n);
  }
}
