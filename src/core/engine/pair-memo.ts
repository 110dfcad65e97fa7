/** Ids are below 2^26, so `candidate · 2^26 + required` is an exact integer key below 2^52. */
const ID_SPAN = 67_108_864;

/**
 * Memo of a pair's effective similarity and relation code, keyed by interned name ids. The similarity of
 * two names is fixed for an engine's lifetime, so a warm match reads it instead of recomputing a 100-d dot
 * product, false-friend guards and lexicon lookups. Bounded: when full it starts over (no eviction order
 * to maintain, and a full reset only costs one cold match). Reads allocate nothing.
 */
export type PairMemo = {
  /** Slot of the pair, or -1. */
  find(candidateId: number, requiredId: number): number;
  similarity(slot: number): number;
  code(slot: number): number;
  store(candidateId: number, requiredId: number, similarity: number, code: number): void;
};

export function createPairMemo(capacity: number): PairMemo {
  const slots = new Map<number, number>();
  const similarities = new Float64Array(capacity);
  const codes = new Uint8Array(capacity);
  return {
    find: (c, r) => slots.get(c * ID_SPAN + r) ?? -1,
    similarity: (slot) => similarities[slot]!,
    code: (slot) => codes[slot]!,
    store(c, r, similarity, code) {
      if (slots.size >= capacity) slots.clear();
      const slot = slots.size;
      slots.set(c * ID_SPAN + r, slot);
      similarities[slot] = similarity;
      codes[slot] = code;
    },
  };
}
