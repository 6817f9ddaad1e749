/** Accept-Encoding negotiation (RFC 9110 §12.5.3): q-values, refusals, wildcards, identity fallback. */
import { expect, it } from 'vitest';
import { chooseCoding } from './accept-encoding.js';

it.each([
  [undefined, 'identity'], // nothing said: the bytes as they are
  ['', 'identity'],
  ['br', 'br'],
  ['gzip', 'gzip'],
  ['x-gzip', 'gzip'],
  ['gzip, deflate, br', 'br'], // browsers over HTTPS: Brotli at equal q
  ['gzip, deflate, br, zstd', 'br'],
  ['deflate', 'identity'], // not offered
  ['GZIP;Q=1, BR;Q=0.5', 'gzip'], // case-insensitive, q decides
  ['br;q=0.8, gzip;q=0.9', 'gzip'],
  ['br;q=0, gzip', 'gzip'], // q=0 refuses Brotli
  ['br;q=0.000, gzip;q=0', 'identity'], // both refused: identity, acceptable by default
  ['gzip;q=0', 'identity'],
  ['*', 'br'], // any coding: the best one
  ['*;q=0.5, br;q=0', 'gzip'], // * stands for those not named
  ['*;q=0', 'identity'], // everything refused, identity too: identity anyway, rather than a 406
  ['identity;q=0, gzip;q=0', 'identity'],
  ['identity, gzip;q=0.5', 'identity'], // identity named with a higher q wins
  ['identity;q=0.4, gzip;q=0.5', 'gzip'],
  ['br;q=2, gzip', 'gzip'], // a malformed q: the entry is ignored
  ['br;q=abc', 'identity'],
  ['br;level=5', 'br'], // other parameters do not change q
  [' br ; q=0.9 ,gzip ;q=0.1', 'br'],
  [['gzip', 'br'], 'br'], // the header sent twice
])('%j → %s', (header, coding) => {
  expect(chooseCoding(header)).toBe(coding);
});
