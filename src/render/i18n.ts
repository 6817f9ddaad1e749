/**
 * Reader UI strings by the page's locale (issue 13 item 6): a catalog per language,
 * ICU MessageFormat through intl-messageformat (plural rules are the locale's own, not
 * string concatenation), English for any key a catalog lacks. Compiled messages are
 * kept per locale and key: formatting is on every uncached render.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { boundedMemo } from './bounded-memo.js';
import { ar } from './messages/ar.js';
import { en, type Catalog, type MessageKey } from './messages/en.js';
import { es } from './messages/es.js';

export type { MessageKey } from './messages/en.js';

/** Catalogs by primary language subtag. */
export const CATALOGS: Record<string, Catalog> = { en, es, ar };

/** Languages written right to left (the page gets `dir="rtl"` whatever catalog it uses). */
const RTL = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug']);

/** The primary language of a BCP 47 tag, lower-cased: `es-MX` → `es`. */
export function language(locale: string): string {
  return (locale.split(/[-_]/)[0] ?? 'en').toLowerCase();
}

/** True when the locale's language has a catalog of its own (else its pages read English). */
export const hasCatalog = (locale: string): boolean => language(locale) in CATALOGS;

/** `rtl` for right-to-left languages, else `ltr`. */
export function direction(locale: string): 'ltr' | 'rtl' {
  return RTL.has(language(locale)) ? 'rtl' : 'ltr';
}

/** The keys `catalog` lacks, against English (the test lists them per catalog). */
export function missingKeys(catalog: Catalog): MessageKey[] {
  return (Object.keys(en) as MessageKey[]).filter((k) => typeof catalog[k] !== 'string');
}

type Values = Record<string, string | number>;

/** A locale's messages; `t(key, values)` formats one. */
export interface Messages {
  locale: string;
  dir: 'ltr' | 'rtl';
  t(key: MessageKey, values?: Values): string;
  /** The message's source text (after fallback), for the reader script. */
  source(key: MessageKey): string;
  /** The locale whose plural rules and catalog a key's message uses. */
  sourceLocale(key: MessageKey): string;
}

const cache = new Map<string, Messages>();

/** The messages for `locale` (any BCP 47 tag; an unknown language gets English), made once per locale. */
export function messages(locale: string): Messages {
  return boundedMemo(cache, locale, () => makeMessages(locale));
}

function makeMessages(locale: string): Messages {
  const catalog = CATALOGS[language(locale)] ?? en;
  const compiled = new Map<MessageKey, IntlMessageFormat>();
  const own = (key: MessageKey): boolean => typeof catalog[key] === 'string';
  const made: Messages = {
    locale,
    dir: direction(locale),
    source: (key) => (own(key) ? catalog[key]! : en[key]),
    sourceLocale: (key) => (own(key) ? locale : 'en'),
    t(key, values) {
      let f = compiled.get(key);
      if (!f) {
        f = new IntlMessageFormat(made.source(key), safeLocale(made.sourceLocale(key)));
        compiled.set(key, f);
      }
      const out = f.format(values);
      return typeof out === 'string' ? out : String(out);
    },
  };
  return made;
}

/** The locale's ten digits, 0 to 9 ("٠١٢٣٤٥٦٧٨٩" for ar-EG): the reader script writes small numbers with them. */
export function digitsOf(locale: string): string {
  const f = new Intl.NumberFormat(safeLocale(locale), { useGrouping: false });
  return Array.from({ length: 10 }, (_, d) => f.format(d)).join('');
}

/** Intl throws on a malformed tag; the store validates locales, this keeps rendering safe anyway. */
function safeLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/**
 * A plural message's forms by plural category (`{one: "# new post", other: "# new posts"}`),
 * for the reader script, which picks one with Intl.PluralRules and puts the number for `#`:
 * the browser gets the catalog's own forms without shipping a MessageFormat runtime.
 */
export function pluralForms(m: Messages, key: MessageKey): Record<string, string> {
  const src = m.source(key);
  const forms: Record<string, string> = {};
  // The catalogs' plural messages are one `{count, plural, cat {text} …}` with flat texts.
  const body = /^\{\s*\w+\s*,\s*plural\s*,(.*)\}$/s.exec(src)?.[1];
  if (!body) return { other: src };
  for (const m2 of body.matchAll(/(=?\w+)\s*\{([^{}]*)\}/g)) forms[m2[1]!] = m2[2]!;
  return forms;
}

/** A message split around its argument `name`, to wrap that part in markup: `["Last updated ", ""]`. */
export function around(m: Messages, key: MessageKey, name: string): [string, string] {
  const mark = '\u0000';
  const [before = '', after = ''] = m.t(key, { [name]: mark }).split(mark);
  return [before, after];
}
