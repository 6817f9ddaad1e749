/** The reader script's words, carried in the page (the script has no catalog of its own). */
import type { VNode } from 'preact';
import { pluralForms, type Messages } from './i18n.js';
import { jsonLdText } from './structured-data.js';

/**
 * The reader script's words in the page's language, as a JSON data block (nothing runs;
 * the CSP is untouched): the script stays small and carries no catalog of its own.
 * Plurals go as their forms by category, picked in the browser with Intl.PluralRules.
 */
export function ClientStrings({ m }: { m: Messages }): VNode {
  const strings = {
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
  };
  return <script type="application/json" id="lp-strings" dangerouslySetInnerHTML={{ __html: jsonLdText(strings) }} />;
}
