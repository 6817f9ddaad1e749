import { expect, it } from 'vitest';
import { boundedMemo } from './bounded-memo.js';

it('makes a value once per key, and starts over when the map is full', () => {
  const map = new Map<string, number>();
  let made = 0;
  const get = (key: string) => boundedMemo(map, key, () => ++made, 2);
  expect([get('a'), get('a'), get('b'), get('b')]).toEqual([1, 1, 2, 2]);
  expect(get('c')).toBe(3); // full: cleared, then kept
  expect([...map.keys()]).toEqual(['c']);
  expect(get('a')).toBe(4);
});
