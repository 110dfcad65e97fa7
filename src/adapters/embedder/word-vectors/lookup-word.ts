import { fnv1a } from "./fnv1a.js";
import type { WordStore } from "./load-store.js";

/**
 * Finds the row of the word whose UTF-8 is `bytes[0..length)`, with no string or allocation: hash, then
 * linear probing over the store's slots, comparing bytes against the blob.
 *
 * @returns the word's row (= frequency rank), or -1 when it is not in the vocabulary
 * @example lookupWord(store, utf8, utf8Length) // 0 for "the"
 */
export function lookupWord(store: WordStore, bytes: Uint8Array, length: number): number {
  const { slots, offsets, blob } = store;
  const mask = slots.length - 1;
  if (mask < 0) return -1;
  let i = fnv1a(bytes, 0, length) & mask;
  for (;;) {
    const s = slots[i] as number;
    if (s === 0) return -1;
    const start = offsets[s - 1] as number;
    if ((offsets[s] as number) - start === length) {
      let k = 0;
      while (k < length && blob[start + k] === bytes[k]) k++;
      if (k === length) return s - 1;
    }
    i = (i + 1) & mask;
  }
}
