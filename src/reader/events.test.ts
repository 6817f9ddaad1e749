import { describe, expect, it } from 'vitest';
import { parseJson, parseUpdates, Sequencer, toEvent } from './events.js';

const ev = (seq: number) => ({ seq, type: 'post.updated', data: { seq } });
const seqs = (list: { seq: number }[]) => list.map((e) => e.seq);

describe('Sequencer', () => {
  it('lets events through in order, each once, ignoring what the page already has', () => {
    const s = new Sequencer(10);
    expect(seqs(s.push(ev(9)))).toEqual([]);
    expect(seqs(s.push(ev(10)))).toEqual([]);
    expect(seqs(s.push(ev(11)))).toEqual([11]);
    expect(seqs(s.push(ev(11)))).toEqual([]);
    expect(seqs(s.push(ev(12)))).toEqual([12]);
    expect(s.last).toBe(12);
    expect(s.gap).toBe(false);
  });

  it('holds events after a gap until it is filled, then releases them in order', () => {
    const s = new Sequencer(1);
    expect(seqs(s.push(ev(4)))).toEqual([]);
    expect(seqs(s.push(ev(3)))).toEqual([]);
    expect(s.gap).toBe(true);
    expect(seqs(s.push(ev(2)))).toEqual([2, 3, 4]);
    expect(s.gap).toBe(false);
    expect(s.last).toBe(4);
  });

  it("skips ahead to a polling answer's seq, releasing what follows it", () => {
    const s = new Sequencer(1);
    s.push(ev(3));
    s.push(ev(6));
    expect(seqs(s.skipTo(5))).toEqual([6]);
    expect(s.last).toBe(6);
    expect(s.gap).toBe(false);
    expect(seqs(s.skipTo(2))).toEqual([]);
    expect(s.last).toBe(6);
  });
});

describe('toEvent and parseUpdates', () => {
  it('takes the seq from the SSE id, else from the data', () => {
    expect(toEvent('post.published', { id: 'p', html: '' }, '7')).toEqual({ seq: 7, type: 'post.published', data: { id: 'p', html: '' } });
    expect(toEvent('page.ended', { seq: 8, parts: {} }, '')?.seq).toBe(8);
    expect(toEvent('page.ended', { seq: 8 }, 9)?.seq).toBe(9);
  });

  it('rejects malformed events instead of throwing', () => {
    expect(toEvent('x', null, '1')).toBeNull();
    expect(toEvent('x', [1], '1')).toBeNull();
    expect(toEvent(3, {}, '1')).toBeNull();
    expect(toEvent('x', { seq: -1 }, 'abc')).toBeNull();
    expect(toEvent('x', { seq: 1.5 })).toBeNull();
    expect(parseJson('{nope')).toBeNull();
    expect(parseJson(undefined)).toBeNull();
  });

  it('reads a polling answer, dropping malformed entries', () => {
    expect(
      parseUpdates({ seq: 5, events: [{ id: 4, type: 'post.unpublished', data: { id: 'a', seq: 4 } }, { id: 5 }, null, 'x'] }),
    ).toEqual({ seq: 5, events: [{ seq: 4, type: 'post.unpublished', data: { id: 'a', seq: 4 } }] });
    expect(parseUpdates({ seq: 0, events: [] })).toEqual({ seq: 0, events: [] });
    expect(parseUpdates({ seq: '5', events: [] })).toBeNull();
    expect(parseUpdates({ seq: 5 })).toBeNull();
    expect(parseUpdates(null)).toBeNull();
  });
});
