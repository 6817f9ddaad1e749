/**
 * A memo for things that are costly to make and few in practice (Intl formatters, compiled
 * message catalogs by zone or locale): made once per key, then found by a plain Map lookup
 * on the render path. Keys come from page settings, so the map is bounded anyway; past
 * `max` it starts over rather than tracking recency (Lru does that where entries are many).
 */
export function boundedMemo<T>(map: Map<string, T>, key: string, make: () => T, max = 64): T {
  let hit = map.get(key);
  if (hit === undefined) {
    hit = make();
    if (map.size >= max) map.clear();
    map.set(key, hit);
  }
  return hit;
}
