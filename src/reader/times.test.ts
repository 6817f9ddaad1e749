import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientStringsText } from '../render/client-strings.js';
import { messages } from '../render/i18n.js';
import { ENGLISH, resetStrings, type ReaderStrings } from './strings.js';
import { relativeTime } from './times.js';

const at = Date.parse('2025-02-27T15:46:00.000Z');
const iso = new Date(at).toISOString();
const after = (ms: number) => at + ms;
const MIN = 60_000;

describe('relativeTime', () => {
  it('says "just now" within the first minute, and for a clock slightly behind', () => {
    expect(relativeTime(iso, after(0), 'en-GB')).toBe('just now');
    expect(relativeTime(iso, after(59_999), 'en-GB')).toBe('just now');
    expect(relativeTime(iso, after(-2 * MIN), 'en-GB')).toBe('just now');
  });

  it('counts whole minutes, then whole hours', () => {
    expect(relativeTime(iso, after(MIN), 'en-GB')).toBe('1 minute ago');
    expect(relativeTime(iso, after(5 * MIN + 59_000), 'en-GB')).toBe('5 minutes ago');
    expect(relativeTime(iso, after(59 * MIN), 'en-GB')).toBe('59 minutes ago');
    expect(relativeTime(iso, after(60 * MIN), 'en-GB')).toBe('1 hour ago');
    expect(relativeTime(iso, after(23 * 60 * MIN + 59 * MIN), 'en-GB')).toBe('23 hours ago');
  });

  it('gives way to the absolute time after a day, far in the future, or for a bad date', () => {
    expect(relativeTime(iso, after(24 * 60 * MIN), 'en-GB')).toBeNull();
    expect(relativeTime(iso, after(-10 * MIN), 'en-GB')).toBeNull();
    expect(relativeTime('not a date', at, 'en-GB')).toBeNull();
  });

  it("speaks the page's language, and survives a bad one", () => {
    expect(relativeTime(iso, after(5 * MIN), 'fr')).toBe('il y a 5 minutes');
    expect(relativeTime(iso, after(10_000), 'de')).toBe('jetzt');
    expect(relativeTime(iso, after(2 * 60 * MIN), 'not_a_locale!')).toBe('2 hours ago');
  });
});

describe("relativeTime in the page catalog's words (the block the server puts in the page)", () => {
  const block = (locale: string): ReaderStrings => ({ ...ENGLISH, ...(JSON.parse(clientStringsText(messages(locale))) as Partial<ReaderStrings>) });
  const page = (locale: string) => resetStrings(block(locale));
  afterEach(() => {
    resetStrings();
    vi.restoreAllMocks();
  });

  it('uses the catalog and the page digits: no Intl.RelativeTimeFormat or number format is made (the first costs 30–40 ms)', () => {
    const [es, en] = [block('es-ES'), block('en-GB')]; // the server's side, made first
    const made = vi.spyOn(Intl, 'RelativeTimeFormat');
    const numbers = vi.spyOn(Intl, 'NumberFormat');
    const toLocale = vi.spyOn(Number.prototype, 'toLocaleString');
    resetStrings(es);
    expect(relativeTime(iso, after(10_000), 'es-ES')).toBe('ahora');
    expect(relativeTime(iso, after(MIN), 'es-ES')).toBe('hace 1 minuto');
    expect(relativeTime(iso, after(5 * MIN), 'es-ES')).toBe('hace 5 minutos');
    expect(relativeTime(iso, after(3 * 60 * MIN), 'es-ES')).toBe('hace 3 horas');
    resetStrings(en);
    expect(relativeTime(iso, after(0), 'en-GB')).toBe('just now');
    expect(relativeTime(iso, after(MIN), 'en-GB')).toBe('1 minute ago');
    expect(relativeTime(iso, after(60 * MIN), 'en-GB')).toBe('1 hour ago');
    expect(made).not.toHaveBeenCalled();
    expect(numbers).not.toHaveBeenCalled();
    expect(toLocale).not.toHaveBeenCalled();
  });

  it("says what Intl says in Arabic, every plural form, the page's digits", () => {
    page('ar-EG');
    const intl = new Intl.RelativeTimeFormat('ar-EG', { numeric: 'auto' });
    for (const n of [1, 2, 3, 10, 11, 59]) expect(relativeTime(iso, after(n * MIN), 'ar-EG'), `${n} minutes`).toBe(intl.format(-n, 'minute'));
    for (const n of [1, 2, 3, 11, 23]) expect(relativeTime(iso, after(n * 60 * MIN), 'ar-EG'), `${n} hours`).toBe(intl.format(-n, 'hour'));
    expect(relativeTime(iso, after(10_000), 'ar-EG')).toBe(intl.format(0, 'second'));
  });

  it('a language without a catalog keeps the browser words', () => {
    page('fr');
    expect(relativeTime(iso, after(5 * MIN), 'fr')).toBe('il y a 5 minutes');
  });
});
