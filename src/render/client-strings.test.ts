import { expect, it } from 'vitest';
import { ENGLISH } from '../reader/strings.js';
import { clientStringsText } from './client-strings.js';
import { messages } from './i18n.js';

it('gives an English page the very words the reader script falls back to (the two copies cannot drift)', () => {
  const { ago, ...words } = JSON.parse(clientStringsText(messages('en-GB'))) as typeof ENGLISH;
  expect(words).toEqual(ENGLISH);
  // A post's age: in the block only, so a language without a catalog gets the browser's words, not English.
  expect(ago).toEqual({ justNow: 'just now', minutes: { one: '# minute ago', other: '# minutes ago' }, hours: { one: '# hour ago', other: '# hours ago' } });
  expect(JSON.parse(clientStringsText(messages('fr'))).ago).toBeUndefined();
});

it('gives another language its own words, not the English of a block made earlier', () => {
  clientStringsText(messages('en'));
  expect(JSON.parse(clientStringsText(messages('es'))).copyLink).not.toBe(ENGLISH.copyLink);
});
