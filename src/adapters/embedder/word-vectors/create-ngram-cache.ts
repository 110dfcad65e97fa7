import { addScaledCounts, ngramCounts } from "./add-ngram-vector.js";

/**
 * Longest token kept: its counts are at most 3 · (length + 2) in size, well inside an Int16, and a longer
 * token is rare enough to hash again.
 */
const MAX_CACHED_LENGTH = 64;

/** Adds a token's unit n-gram vector, as `addNgramVector` does, bit for bit. */
export type NgramCache = (token: string, weight: number, out: Float32Array) => void;

/**
 * Keeps the n-gram counts of the last `slots` distinct tokens an embedder hashed. Hashing a token's
 * n-grams costs about 12 × its length × dim steps, and the out-of-vocabulary tokens of a long ranking
 * repeat ("zorblax", "953"): 48,000 new names of 100,000 candidate lines spent 0.65 s there. The counts are
 * integers and their squared length is exact, so a cached token adds exactly what a fresh one does. The
 * map starts over when full, which bounds it at `slots · dim` Int16 entries.
 *
 * @param dim vector dimension
 * @param slots tokens kept (4,096 × 100 dims is 800 KB)
 */
export function createNgramCache(dim: number, slots: number): NgramCache {
  const slotOf = new Map<string, number>();
  const counts = new Int16Array(slots * dim);
  const sumSq = new Float64Array(slots);
  const scratch = new Float32Array(dim);
  return (token, weight, out) => {
    if (token.length > MAX_CACHED_LENGTH) {
      addScaledCounts(scratch, 0, ngramCounts(token, dim, scratch), weight, dim, out);
      return;
    }
    let slot = slotOf.get(token);
    if (slot === undefined) {
      if (slotOf.size === slots) slotOf.clear();
      slot = slotOf.size;
      slotOf.set(token, slot);
      sumSq[slot] = ngramCounts(token, dim, scratch);
      counts.set(scratch, slot * dim);
    }
    addScaledCounts(counts, slot * dim, sumSq[slot]!, weight, dim, out);
  };
}
