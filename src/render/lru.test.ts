import { describe, expect, it } from 'vitest';
import { Lru } from './lru.js';

const buf = (n: number) => Buffer.alloc(n);

describe('Lru', () => {
  it('keeps at most maxEntries, dropping the least recently used', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1); // a is now the most recent
    lru.set('c', 3);
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual([1, undefined, 3]);
    expect(lru.size).toBe(2);
  });

  it('keeps at most maxBytes, counting values by sizeOf and string keys by their length', () => {
    const lru = new Lru<string, Buffer>({ maxEntries: 1000, maxBytes: 10_000, sizeOf: (b) => b.length });
    for (let i = 0; i < 100; i++) lru.set(`k${i}`, buf(1000));
    expect(lru.bytes).toBeLessThanOrEqual(10_000);
    expect(lru.size).toBe(9); // 9 × (1000 + a short key) fit, 10 do not
    expect(lru.get('k99')).toBeDefined();
    expect(lru.get('k90')).toBeUndefined();
  });

  it('re-weighs a value that grew (a body compressed in another coding) and evicts to stay in budget', () => {
    const grows = (n: number) => ({ n });
    const lru = new Lru<string, { n: number }>({ maxEntries: 100, maxBytes: 3000, sizeOf: (v) => v.n });
    const a = grows(1000);
    lru.set('a', a);
    lru.set('b', grows(1000));
    expect(lru.bytes).toBe(2004);
    a.n = 1500;
    lru.reweigh('a');
    expect(lru.bytes).toBe(2504);
    a.n = 2500; // a and b no longer fit: b, now the least recently used, goes
    lru.reweigh('a');
    expect([lru.get('a'), lru.get('b'), lru.bytes]).toEqual([a, undefined, 2502]);
    lru.reweigh('gone'); // not kept: nothing happens
    expect(lru.size).toBe(1);
  });

    it('does not keep a value heavier than the whole budget, and keeps the others', () => {
    const lru = new Lru<string, Buffer>({ maxEntries: 10, maxBytes: 5000, sizeOf: (b) => b.length });
    lru.set('small', buf(100));
    lru.set('huge', buf(6000));
    expect(lru.get('huge')).toBeUndefined();
    expect(lru.get('small')).toBeDefined();
  });

  it('counts a replaced or deleted entry once', () => {
    const lru = new Lru<string, Buffer>({ maxEntries: 10, maxBytes: 100_000, sizeOf: (b) => b.length });
    lru.set('a', buf(1000));
    lru.set('a', buf(3000));
    expect(lru.bytes).toBe(3002);
    lru.delete('a');
    expect(lru.bytes).toBe(0);
    lru.set('b', buf(10));
    lru.clear();
    expect([lru.size, lru.bytes]).toEqual([0, 0]);
  });
});
