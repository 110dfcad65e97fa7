import { CompetencyError } from "../../errors.js";
import type { EmbeddingCache } from "../../ports.js";

/** An EmbeddingCache that can also list its rows, least recently used first (for persisting them). */
export type MemoryLru = EmbeddingCache & {
  /** Every `[key, row]`, least recently used first; does not count as use. */
  entries(): IterableIterator<[string, Float32Array]>;
};

/**
 * Creates an in-memory LRU cache of embedding rows. A Map keeps insertion order, so re-inserting on a hit
 * makes the first key the least recently used; each set beyond `capacity` evicts that key. A hit on a key
 * (re)inserted within the last capacity/4 insertions is not moved: it is already among the most recent, and
 * moving it (delete + set) was most of the cost of a warm lookup. Rows are stored by reference: callers must
 * not mutate a row after `set` or after `get`.
 *
 * @param capacity largest number of rows kept, an integer ≥ 1 (the matcher uses EMBEDDING_CACHE_SIZE)
 * @throws CompetencyError INVALID_CONFIG when `capacity` is not an integer ≥ 1
 * @example const cache = createMemoryLru(50_000); cache.set("wink\u0000python", row);
 */
export function createMemoryLru(capacity: number): MemoryLru {
  if (!(Number.isInteger(capacity) && capacity >= 1)) {
    throw new CompetencyError("INVALID_CONFIG", `cache capacity must be an integer >= 1, got ${capacity}`);
  }
  type Slot = { row: Float32Array; tick: number };
  const slots = new Map<string, Slot>();
  const fresh = Math.floor(capacity / 4);
  let clock = 0;
  let hits = 0;
  let misses = 0;
  function put(key: string, row: Float32Array): void {
    slots.delete(key);
    slots.set(key, { row, tick: ++clock });
  }
  return {
    get(key) {
      const slot = slots.get(key);
      if (slot === undefined) {
        misses++;
        return undefined;
      }
      hits++;
      if (clock - slot.tick >= fresh) put(key, slot.row);
      return slot.row;
    },
    set(key, row) {
      put(key, row);
      if (slots.size > capacity) slots.delete(slots.keys().next().value as string);
    },
    get size() {
      return slots.size;
    },
    stats: () => ({ hits, misses, size: slots.size }),
    clear() {
      slots.clear();
      hits = 0;
      misses = 0;
    },
    *entries() {
      for (const [key, slot] of slots) yield [key, slot.row];
    },
  };
}
