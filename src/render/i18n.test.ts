import { describe, expect, it } from 'vitest';
import { CATALOGS, direction, messages, missingKeys, pluralForms } from './i18n.js';
import { en } from './messages/en.js';

describe('message catalogs', () => {
  it('lists, per catalog, the keys it lacks against English (none today)', () => {
    const missing = Object.fromEntries(Object.entries(CATALOGS).map(([lang, catalog]) => [lang, missingKeys(catalog)]));
    expect(missing).toEqual({ en: [], es: [], ar: [] });
  });

  it('reports a missing key, and the page falls back to English for it', () => {
    expect(missingKeys({ ...CATALOGS.es, summary: undefined })).toEqual(['summary']);
    const m = messages('es-ES');
    expect(m.t('summary')).toBe('Resumen');
    // A language with no catalog gets English throughout.
    expect(messages('de-DE').t('summary')).toBe(en.summary);
  });

  it("uses each language's plural rules through ICU MessageFormat", () => {
    const count = (locale: string, n: number) => messages(locale).t('newPosts', { count: n });
    expect([1, 2, 5].map((n) => count('en-GB', n))).toEqual(['1 new post', '2 new posts', '5 new posts']);
    expect([1, 3].map((n) => count('es-ES', n))).toEqual(['1 publicación nueva', '3 publicaciones nuevas']);
    expect([0, 1, 2, 3, 11, 100].map((n) => count('ar-EG', n))).toEqual([
      'لا منشورات جديدة',
      'منشور جديد واحد',
      'منشوران جديدان',
      '٣ منشورات جديدة',
      '١١ منشوراً جديداً',
      '١٠٠ منشور جديد',
    ]);
  });

  it('hands the reader script the plural forms by category', () => {
    expect(pluralForms(messages('en'), 'newPosts')).toEqual({ one: '# new post', other: '# new posts' });
    expect(Object.keys(pluralForms(messages('ar'), 'newPosts'))).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
  });

  it('writes right-to-left languages right to left', () => {
    expect(direction('ar-EG')).toBe('rtl');
    expect(direction('he')).toBe('rtl');
    expect(direction('es-MX')).toBe('ltr');
    expect(messages('ar').dir).toBe('rtl');
  });

  it('survives a malformed locale tag', () => {
    expect(messages('not a tag!').t('newPosts', { count: 2 })).toBe('2 new posts');
  });
});
