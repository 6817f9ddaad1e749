/**
 * The live-update wire format (SPEC §4) and the rule that events are applied in seq
 * order, exactly once. Pure: no DOM, so it is unit-tested in Node.
 */

/** One change to the page: `post.published`, `page.updated`, … with its JSON data. */
export interface LiveEvent {
  seq: number;
  type: string;
  data: Record<string, unknown>;
}

/** The event types the page listens for on the SSE stream (the domain's own list, bundled in). */
export { EVENT_TYPES } from '../domain/event.js';

/** JSON.parse that answers null instead of throwing on malformed input. */
export function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const isSeq = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n > 0;
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * An event from its parts, or null when they are malformed. The seq is the SSE `id`
 * (or the polling entry's `id`), else `data.seq`.
 */
export function toEvent(type: unknown, data: unknown, id?: unknown): LiveEvent | null {
  if (typeof type !== 'string' || !isObject(data)) return null;
  const fromId = typeof id === 'string' && id !== '' ? Number(id) : id;
  const seq = isSeq(fromId) ? fromId : data.seq;
  return isSeq(seq) ? { seq, type, data } : null;
}

/** The polling answer `{seq, events: [{id, type, data}]}`, with malformed entries dropped. */
export function parseUpdates(body: unknown): { seq: number; events: LiveEvent[] } | null {
  if (!isObject(body) || !(isSeq(body.seq) || body.seq === 0) || !Array.isArray(body.events)) return null;
  const events: LiveEvent[] = [];
  for (const e of body.events) {
    const event = isObject(e) ? toEvent(e.type, e.data, e.id) : null;
    if (event) events.push(event);
  }
  return { seq: body.seq, events };
}

/** More out-of-order events than this and we drop them: the next fetch brings them again. */
const MAX_PENDING = 500;

/**
 * Puts events in seq order and lets each through once. Events after a gap wait until
 * the gap is filled; {@link Sequencer.gap} tells the caller to fetch the missing ones.
 */
export class Sequencer<E extends { seq: number }> {
  private pending = new Map<number, E>();

  /** @param last the seq the page was rendered at: everything up to it is applied. */
  constructor(public last: number) {}

  /** True while some event waits for an earlier one that has not arrived. */
  get gap(): boolean {
    return this.pending.size > 0;
  }

  /** Takes one event; returns the events that can be applied now, in order. */
  push(event: E): E[] {
    if (event.seq <= this.last) return [];
    if (this.pending.size >= MAX_PENDING) this.pending.clear();
    this.pending.set(event.seq, event);
    return this.drain();
  }

  /**
   * Everything up to `seq` is known to be delivered (a polling answer's `seq`): skips
   * ahead, dropping what waited for it, and returns what can be applied after it.
   */
  skipTo(seq: number): E[] {
    if (seq > this.last) {
      this.last = seq;
      for (const s of this.pending.keys()) if (s <= seq) this.pending.delete(s);
    }
    return this.drain();
  }

  private drain(): E[] {
    const ready: E[] = [];
    for (let next = this.pending.get(this.last + 1); next; next = this.pending.get(this.last + 1)) {
      this.pending.delete(++this.last);
      ready.push(next);
    }
    return ready;
  }
}
