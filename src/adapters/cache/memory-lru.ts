import type { EmbeddingCache } from "../../ports.js";

/**
 * An in-memory LRU cache of embedding rows. A Map keeps insertion order, so re-inserting on a hit makes the
 * first key the least recently used.
 *
 * @param capacity largest number of rows kept (≥ 1)
 */
export function createMemoryLru(capacity: number): EmbeddingCache {
  if (!(Number.isInteger(capacity) && capacity >= 1)) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
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
  };
}
