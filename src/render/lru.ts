/**
 * A small least-recently-used map, bounded in entries and, when given a `sizeOf`, in bytes:
 * a cache that readers can fill (one entry per URL they choose) must be bounded by what its
 * entries weigh, not only by how many there are — a few hundred polling answers of a long
 * page are hundreds of megabytes.
 */
export interface LruOptions<V> {
  /** Most entries kept. */
  maxEntries: number;
  /** Most bytes kept, as `sizeOf` counts them (keys count as their length). */
  maxBytes?: number;
  /** An entry's weight in bytes: its Buffer's length, its string's UTF-16 length × 2, … */
  sizeOf?: (value: V) => number;
}

export class Lru<K, V> {
  private readonly map = new Map<K, { value: V; bytes: number }>();
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  private readonly sizeOf: ((value: V) => number) | undefined;
  private total = 0;

  constructor(options: number | LruOptions<V>) {
    const o = typeof options === 'number' ? { maxEntries: options } : options;
    this.maxEntries = o.maxEntries;
    this.maxBytes = o.maxBytes ?? Infinity;
    this.sizeOf = o.sizeOf;
  }

  get(key: K): V | undefined {
    const e = this.map.get(key);
    if (e === undefined) return undefined;
    // Re-insert so the entry becomes the most recently used.
    this.map.delete(key);
    this.map.set(key, e);
    return e.value;
  }

  /**
   * Keeps `value` as the most recently used, evicting the least recently used until both
   * bounds hold. A value heavier than the whole byte budget is not kept at all (it would
   * only push everything else out).
   */
  set(key: K, value: V): void {
    this.delete(key);
    const bytes = this.sizeOf ? this.sizeOf(value) + keyBytes(key) : 0;
    if (bytes > this.maxBytes) return;
    this.map.set(key, { value, bytes });
    this.total += bytes;
    for (const [oldest, e] of this.map) {
      if (this.map.size <= this.maxEntries && this.total <= this.maxBytes) break;
      this.map.delete(oldest);
      this.total -= e.bytes;
    }
  }

  /**
   * Weighs `key`'s value again after it grew (a cached body compressed in another coding),
   * evicting the least recently used until the budget holds again; it stays the most
   * recently used. Does nothing when the key is no longer kept.
   */
  reweigh(key: K): void {
    const e = this.map.get(key);
    if (e !== undefined) this.set(key, e.value);
  }

  delete(key: K): void {
    const e = this.map.get(key);
    if (e === undefined) return;
    this.map.delete(key);
    this.total -= e.bytes;
  }

  clear(): void {
    this.map.clear();
    this.total = 0;
  }

  get size(): number {
    return this.map.size;
  }

  /** The bytes kept, as `sizeOf` counts them (0 without one). */
  get bytes(): number {
    return this.total;
  }
}

/** A string key's weight (UTF-16: two bytes a unit); other keys are small and counted as 0. */
const keyBytes = (key: unknown): number => (typeof key === 'string' ? key.length * 2 : 0);

/** What a cached string weighs in memory: V8 keeps at most two bytes a UTF-16 unit. */
export const stringBytes = (s: string): number => s.length * 2;
