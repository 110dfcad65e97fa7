/** Initial slots (power of two); the table doubles while under MAX_SLOTS, then starts over when full. */
const INITIAL_SLOTS = 4096;
const MAX_SLOTS = 1 << 20;

/**
 * Memo of a pair's effective similarity and relation code, keyed by interned name ids. The similarity of
 * two names is fixed for an engine's lifetime, so a warm match reads it instead of recomputing a 100-d dot
 * product, false-friend guards and lexicon lookups.
 *
 * An open-addressing hash table over typed arrays (linear probing, load ≤ 1/2): a Map keyed by
 * `c · 2^26 + r` would box a HeapNumber per lookup, 80 KB per large match. Reads allocate nothing.
 */
export type PairMemo = {
  /** Slot of the pair, or -1. */
  find(candidateId: number, requiredId: number): number;
  /**
   * False when no pair of candidate `candidateId` is stored, so that `find` would give -1 for every required
   * id: a ranking fills a new name's row of 20 pairs, and the memo rarely holds one of them (only pairs that
   * `match`, or a ranking's full results, compared). True may also mean "held once, dropped since".
   */
  holds(candidateId: number): boolean;
  similarity(slot: number): number;
  code(slot: number): number;
  store(candidateId: number, requiredId: number, similarity: number, code: number): void;
};

export function createPairMemo(): PairMemo {
  let size = 0;
  let mask = INITIAL_SLOTS - 1;
  let keysC = new Int32Array(INITIAL_SLOTS).fill(-1);
  let keysR = new Int32Array(INITIAL_SLOTS);
  let similarities = new Float64Array(INITIAL_SLOTS);
  let codes = new Uint8Array(INITIAL_SLOTS);
  // Every candidate id stored since the memo last started over: one lookup per row instead of one per pair.
  const candidates = new Set<number>();

  function home(c: number, r: number): number {
    return (Math.imul(c, 0x9e3779b1) ^ Math.imul(r, 0x85ebca77)) & mask;
  }

  function insert(c: number, r: number, similarity: number, code: number): void {
    let slot = home(c, r);
    while (keysC[slot] !== -1) slot = (slot + 1) & mask;
    keysC[slot] = c;
    keysR[slot] = r;
    similarities[slot] = similarity;
    codes[slot] = code;
    size++;
  }

  function resize(slots: number, keep: boolean): void {
    const oldC = keysC;
    const oldR = keysR;
    const oldS = similarities;
    const oldK = codes;
    keysC = new Int32Array(slots).fill(-1);
    keysR = new Int32Array(slots);
    similarities = new Float64Array(slots);
    codes = new Uint8Array(slots);
    mask = slots - 1;
    size = 0;
    if (!keep) {
      candidates.clear();
      return;
    }
    for (let k = 0; k < oldC.length; k++) if (oldC[k] !== -1) insert(oldC[k]!, oldR[k]!, oldS[k]!, oldK[k]!);
  }

  return {
    find(c, r) {
      let slot = home(c, r);
      for (;;) {
        const key = keysC[slot]!;
        if (key === -1) return -1;
        if (key === c && keysR[slot] === r) return slot;
        slot = (slot + 1) & mask;
      }
    },
    holds: (c) => candidates.has(c),
    similarity: (slot) => similarities[slot]!,
    code: (slot) => codes[slot]!,
    store(c, r, similarity, code) {
      if ((size + 1) * 2 > mask + 1)
        resize(mask + 1 < MAX_SLOTS ? (mask + 1) * 2 : mask + 1, mask + 1 < MAX_SLOTS);
      insert(c, r, similarity, code);
      candidates.add(c);
    },
  };
}
