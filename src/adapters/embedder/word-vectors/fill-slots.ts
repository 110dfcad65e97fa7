import { fnv1a } from "./fnv1a.js";

/**
 * Fills the open-addressing table: every word, by rank, goes to its first free slot from
 * FNV-1a(word) & (slots − 1). A repeated word keeps its first (more frequent) row. `slots` must be zeroed,
 * a power of two long, and larger than `n`.
 *
 * @example fillSlots(blob, offsets, n, new Uint32Array(storeSlotCount(n)))
 */
export function fillSlots(blob: Uint8Array, offsets: Uint32Array, n: number, slots: Uint32Array): void {
  const mask = slots.length - 1;
  for (let w = 0; w < n; w++) {
    const start = offsets[w] as number;
    const end = offsets[w + 1] as number;
    let i = fnv1a(blob, start, end) & mask;
    for (;;) {
      const s = slots[i] as number;
      if (s === 0) {
        slots[i] = w + 1;
        break;
      }
      if (sameBytes(blob, offsets[s - 1] as number, offsets[s] as number, start, end)) break;
      i = (i + 1) & mask;
    }
  }
}

/** Whether blob[a..aEnd) equals blob[b..bEnd). */
function sameBytes(blob: Uint8Array, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  for (let k = 0; k < aEnd - a; k++) if (blob[a + k] !== blob[b + k]) return false;
  return true;
}
