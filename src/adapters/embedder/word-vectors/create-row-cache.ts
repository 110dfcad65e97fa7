import type { WordStore } from "./load-store.js";

/**
 * The word rows an embedder has read from its store, by row number. `at(store, row)` is the offset of the
 * row's `dim` bytes in `data`, reading them from the store on first need (one read syscall).
 */
export type RowCache = {
  /** Every kept row's bytes. The same array for the cache's lifetime. */
  readonly data: Int8Array;
  at(store: WordStore, row: number): number;
};

/**
 * Keeps up to `capacity` rows (a power of two) in an open-addressing table keyed by row number (linear
 * probing, load ≤ 1/2), starting over when full, which bounds it at `capacity · dim` bytes. Any set of up to
 * `capacity` rows stays in memory whatever their numbers; a direct-mapped cache evicts a row whenever
 * another with the same low bits is read.
 *
 * @param dim bytes per row
 * @param capacity rows kept, a power of two
 */
export function createRowCache(dim: number, capacity: number): RowCache {
  const keys = new Int32Array(2 * capacity).fill(-1);
  const slotOfKey = new Int32Array(2 * capacity);
  const data = new Int8Array(capacity * dim);
  const mask = keys.length - 1;
  let size = 0;
  return {
    data,
    at(store, row) {
      let k = Math.imul(row, 0x9e3779b1) & mask;
      while (keys[k] !== -1) {
        if (keys[k] === row) return slotOfKey[k]! * dim;
        k = (k + 1) & mask;
      }
      if (size === capacity) {
        keys.fill(-1);
        size = 0;
        k = Math.imul(row, 0x9e3779b1) & mask;
      }
      const at = size * dim;
      store.row(row, data.subarray(at, at + dim));
      keys[k] = row;
      slotOfKey[k] = size++;
      return at;
    },
  };
}
