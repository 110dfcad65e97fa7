import { CompetencyError } from "../../errors.js";
import type { EmbeddingCache } from "../../ports.js";

/** An EmbeddingCache that can also list its rows, least recently used first (for persisting them). */
export type MemoryLru = EmbeddingCache & {
  /** Every `[key, row]`, least recently used first; does not count as use. */
  entries(): IterableIterator<[string, Float32Array]>;
};

/**
 * Creates an in-memory LRU cache of embedding rows. A Map keeps insertion order, so re-inserting on a hit
 * makes the first key the least recently used; each set beyond `capacity` evicts that key. Rows are stored
 * by reference: callers must not mutate a row after `set` or after `get`.
 *
 * @param capacity largest number of rows kept, an integer ≥ 1 (the matcher uses EMBEDDING_CACHE_SIZE)
 * @throws CompetencyError INVALID_CONFIG when `capacity` is not an integer ≥ 1
 * @example const cache = createMemoryLru(50_000); cache.set("wink\u0000python", row);
 */
export function createMemoryLru(capacity: number): MemoryLru {
  if (!(Number.isInteger(capacity) && capacity >= 1)) {
    throw new CompetencyError("INVALID_CONFIG", `cache capacity must be an integer >= 1, got ${capacity}`);
  }
  const rows = new Map<string, Float32Array>();
  let hits = 0;
  let misses = 0;
  return {
    get(key) {
      const row = rows.get(key);
      if (row === undefined) {
        misses++;
        return undefined;
      }
      hits++;
      rows.delete(key);
      rows.set(key, row);
      return row;
    },
    set(key, row) {
      rows.delete(key);
      rows.set(key, row);
      if (rows.size > capacity) rows.delete(rows.keys().next().value as string);
    },
    get size() {
      return rows.size;
    },
    stats: () => ({ hits, misses, size: rows.size }),
    clear() {
      rows.clear();
      hits = 0;
      misses = 0;
    },
    entries: () => rows.entries(),
  };
}
