import { CompetencyError } from "../../errors.js";
import type { EmbeddingCache } from "../../ports.js";

/**
 * The SharedArrayBuffers of one shared embedding cache: structured-cloneable, so a pool passes them to its
 * worker threads in workerData and every thread opens the same cache with `openSharedEmbeddingCache`.
 */
export type SharedEmbeddingCacheBuffers = {
  /** [lock, count, keyBytesUsed, dim]. */
  readonly control: SharedArrayBuffer;
  /** Per slot: [key hash, entry + 1] (0 = empty). */
  readonly slots: SharedArrayBuffer;
  /** Per entry: [key offset, key length]. */
  readonly entries: SharedArrayBuffer;
  readonly keys: SharedArrayBuffer;
  readonly rows: SharedArrayBuffer;
};

const LOCK = 0;
const COUNT = 1;
const KEY_BYTES = 2;
const DIM = 3;
/** Average UTF-8 key length budgeted per entry (model id + NUL + normalised name). */
const KEY_BYTES_PER_ENTRY = 48;

/**
 * Allocates a cache for up to `capacity` rows of up to `maxDim` floats, shared by every thread that opens it:
 * a pool of N workers holds one copy of each embedded name instead of N. About `capacity × (maxDim × 4 + 64)`
 * bytes, allocated once, outside the JS heap.
 */
export function createSharedEmbeddingCacheBuffers(
  capacity: number,
  maxDim: number,
): SharedEmbeddingCacheBuffers {
  if (!(Number.isInteger(capacity) && capacity >= 1 && Number.isInteger(maxDim) && maxDim >= 1)) {
    throw new CompetencyError(
      "INVALID_CONFIG",
      `shared cache capacity and dimension must be integers >= 1, got ${capacity} and ${maxDim}`,
    );
  }
  let slotCount = 1;
  while (slotCount < capacity * 2) slotCount *= 2;
  return {
    control: new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT),
    slots: new SharedArrayBuffer(slotCount * 2 * Int32Array.BYTES_PER_ELEMENT),
    entries: new SharedArrayBuffer(capacity * 2 * Int32Array.BYTES_PER_ELEMENT),
    keys: new SharedArrayBuffer(capacity * KEY_BYTES_PER_ENTRY),
    rows: new SharedArrayBuffer(capacity * maxDim * Float32Array.BYTES_PER_ELEMENT),
  };
}

/** FNV-1a over UTF-8 bytes, never 0 (0 marks nothing; the entry word marks empty slots). */
function hashBytes(bytes: Uint8Array, length: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < length; i++) h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
  return h | 1;
}

/**
 * Opens a shared cache in this thread. Insert-only: rows are never moved or overwritten once published, so
 * a row returned by `get` (a view into shared memory, not a copy) stays valid while any thread keeps using
 * the cache; when it is full, `set` keeps nothing more and those names are embedded again on each use.
 * Lookups take no lock: a writer fills key and row first and publishes the slot last, with Atomics. Writers
 * take a short spin lock. All rows must have the same length, fixed by the first `set`.
 *
 * @example
 * const buffers = createSharedEmbeddingCacheBuffers(100_000, 100); // in the parent, passed in workerData
 * const cache = openSharedEmbeddingCache(buffers);                 // in each thread
 */
export function openSharedEmbeddingCache(buffers: SharedEmbeddingCacheBuffers): EmbeddingCache {
  const control = new Int32Array(buffers.control);
  const slots = new Int32Array(buffers.slots);
  const entries = new Int32Array(buffers.entries);
  const keys = new Uint8Array(buffers.keys);
  const rows = new Float32Array(buffers.rows);
  const mask = slots.length / 2 - 1;
  const capacity = entries.length / 2;
  const encoder = new TextEncoder();
  let utf8 = new Uint8Array(256);
  let hits = 0;
  let misses = 0;

  function encode(key: string): number {
    if (key.length * 3 > utf8.length) utf8 = new Uint8Array(key.length * 3);
    return encoder.encodeInto(key, utf8).written;
  }

  /** Entry index of the key in utf8[0..length), or -(free slot + 1) when absent. */
  function find(length: number, hash: number): number {
    let slot = (hash >>> 0) & mask;
    for (;;) {
      const published = Atomics.load(slots, slot * 2 + 1);
      if (published === 0) return -(slot + 1);
      if (slots[slot * 2] === hash) {
        const entry = published - 1;
        const offset = entries[entry * 2] as number;
        if (entries[entry * 2 + 1] === length) {
          let k = 0;
          while (k < length && keys[offset + k] === utf8[k]) k++;
          if (k === length) return entry;
        }
      }
      slot = (slot + 1) & mask;
    }
  }

  function lock(): void {
    while (Atomics.compareExchange(control, LOCK, 0, 1) !== 0) Atomics.wait(control, LOCK, 1, 1);
  }

  function unlock(): void {
    Atomics.store(control, LOCK, 0);
    Atomics.notify(control, LOCK, 1);
  }

  return {
    get(key) {
      const length = encode(key);
      const entry = find(length, hashBytes(utf8, length));
      if (entry < 0) {
        misses++;
        return undefined;
      }
      hits++;
      const dim = Atomics.load(control, DIM);
      return rows.subarray(entry * dim, (entry + 1) * dim);
    },
    set(key, row) {
      const length = encode(key);
      const hash = hashBytes(utf8, length);
      lock();
      try {
        let dim = control[DIM] as number;
        if (dim === 0) {
          dim = row.length;
          Atomics.store(control, DIM, dim);
        }
        if (row.length !== dim)
          throw new CompetencyError(
            "INVALID_CONFIG",
            `shared cache rows have ${dim} floats, got ${row.length}`,
          );
        const found = find(length, hash);
        const count = control[COUNT] as number;
        const keyOffset = control[KEY_BYTES] as number;
        const full = count >= capacity || (count + 1) * dim > rows.length || keyOffset + length > keys.length;
        // Rows of a key never change: the first one stays (and is the copy to hold).
        if (found >= 0) return rows.subarray(found * dim, (found + 1) * dim);
        if (full) return undefined;
        keys.set(utf8.subarray(0, length), keyOffset);
        entries[count * 2] = keyOffset;
        entries[count * 2 + 1] = length;
        rows.set(row, count * dim);
        const slot = -found - 1;
        slots[slot * 2] = hash;
        control[KEY_BYTES] = keyOffset + length;
        Atomics.store(control, COUNT, count + 1);
        Atomics.store(slots, slot * 2 + 1, count + 1); // publish last
        return rows.subarray(count * dim, (count + 1) * dim);
      } finally {
        unlock();
      }
    },
    get size() {
      return Atomics.load(control, COUNT);
    },
    stats: () => ({ hits, misses, size: Atomics.load(control, COUNT) }),
    clear() {
      throw new CompetencyError(
        "INVALID_CONFIG",
        "a shared embedding cache cannot be cleared: other threads may hold its rows",
      );
    },
  };
}
