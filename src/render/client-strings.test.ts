import { expect, it } from 'vitest';
import { ENGLISH } from '../reader/strings.js';
import { clientStringsText } from './client-strings.js';
import { messages } from './i18n.js';

it('gives an English page the very words the reader script falls back to (the two copies cannot drift)', () => {
  expect(JSON.parse(clientStringsText(messages('en-GB')))).toEqual(ENGLISH);
});

it('gives another language its own words, not the English of a block made earlier', () => {
  clientStringsText(messages('en'));
  expect(JSON.parse(clientStringsText(messages('es'))).copyLink).not.toBe(ENGLISH.copyLink);
});
