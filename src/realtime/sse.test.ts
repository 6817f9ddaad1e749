/** Each stream's reconnect delay is drawn between 1 and 2 s, so a dead node's readers do not all come back at once. */
import { expect, it } from 'vitest';
import { preamble } from './sse.js';

it('draws each stream’s retry between 1,000 and 2,000 ms, spread over the range', () => {
  const delays = Array.from({ length: 2000 }, () => {
    const { sse, chunk } = preamble();
    const m = /^retry: (\d+)\n\n$/.exec(sse.toString());
    expect(chunk.toString()).toBe(`${sse.length.toString(16)}\r\n${sse.toString()}\r\n`);
    return Number(m![1]);
  });
  expect(Math.min(...delays)).toBe(1000);
  expect(Math.max(...delays)).toBe(2000);
  // Every tenth of the second gets its share: no step holds more than twice the even 1/11.
  const counts = new Map<number, number>();
  for (const d of delays) counts.set(d, (counts.get(d) ?? 0) + 1);
  expect(counts.size).toBe(11);
  for (const n of counts.values()) expect(n).toBeLessThan((2 * 2000) / 11);
});
