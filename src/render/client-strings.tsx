/** The reader script's words, carried in the page (the script has no catalog of its own). */
import type { VNode } from 'preact';
import { digitsOf, hasCatalog, pluralForms, type Messages } from './i18n.js';
import { jsonLdText } from './structured-data.js';

/** The block's text by locale's messages: it depends on nothing else, so every page render reuses it. */
const texts = new WeakMap<Messages, string>();

/** The reader script's words in `m`'s language, as JSON text safe inside a script element. */
export function clientStringsText(m: Messages): string {
  let text = texts.get(m);
  if (text === undefined) {
    text = jsonLdText({
      newPosts: pluralForms(m, 'newPosts'),
      newPost: m.source('newPost'),
      pageMoved: m.t('pageMoved'),
      reconnecting: m.t('reconnecting'),
      updatedJustNow: m.t('updatedJustNow'),
      updatedAgo: m.source('updatedAgo'),
      copyLink: m.t('copyLink'),
      linkCopied: m.t('linkCopied'),
      share: m.t('share'),
      showMorePosts: m.t('showMorePosts'),
      keyEvents: m.t('keyEvents'),
      // The browser's first number format costs ~40 ms of a reader's main thread (ICU's data):
      // the script writes its small numbers with these instead.
      digits: digitsOf(m.locale),
      // A post's age in the catalog's words: the script then makes no Intl.RelativeTimeFormat,
      // whose first use costs ~30 ms of a reader's main thread. A language without a catalog
      // gets none, and the browser's own words for it.
      ...(hasCatalog(m.locale) ? { ago: { justNow: m.t('justNow'), minutes: pluralForms(m, 'minutesAgo'), hours: pluralForms(m, 'hoursAgo') } } : {}),
    });
    texts.set(m, text);
  }
  return text;
}

/**
 * The reader script's words in the page's language, as a JSON data block (nothing runs;
 * the CSP is untouched): the script stays small and carries no catalog of its own.
 * Plurals go as their forms by category, picked in the browser with Intl.PluralRules.
 */
export function ClientStrings({ m }: { m: Messages }): VNode {
  return <script type="application/json" id="lp-strings" dangerouslySetInnerHTML={{ __html: clientStringsText(m) }} />;
}
