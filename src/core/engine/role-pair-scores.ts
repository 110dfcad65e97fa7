import { listAbove } from "./list-above.js";

/** Pair scores (entries × required skills) kept before the table starts over: 8 MB (lists: at most twice that). */
const MAX_SCORES = 1 << 20;
/** Entries kept whatever the role's size, so that the largest candidate side always fits. */
const MIN_ENTRIES = 1024;

/**
 * Pair scores of (evidence row, Beta shape) pairs against one fixed role: a name at a level scores the same
 * against every required skill each time it is listed, and ranking lists the same few thousand names at a
 * handful of levels. An open-addressing table over typed arrays (linear probing, load ≤ 1/2), bounded by
 * MAX_SCORES doubles. Row and shape numbers come from the role's evidence table and shape set; the owner
 * starts this table over whenever either of those does.
 */
export type RolePairScores = {
  /** `scores[e · required + i]`: entry e's pair score against required skill i. Replaced on growth. */
  readonly scores: Float64Array;
  /**
   * Pairs (i, score) at `listed[listedSpan[2e] + 2m]` for m < `listedSpan[2e + 1]`: the required skills
   * entry e scores above the band given to `list`, packed one entry after another so that a reader of a
   * few entries touches little memory. Replaced on growth.
   */
  readonly listed: Float64Array;
  readonly listedSpan: Int32Array;
  /** Changes whenever entries are dropped, which invalidates every entry number handed out before. */
  readonly generation: number;
  /**
   * Forgets every entry unless the table was filled under these generations of the evidence table and the
   * shape set (whose row and shape numbers it is keyed by).
   */
  validFor(evidenceGeneration: number, shapeGeneration: number): void;
  /** Makes room for `n` new entries (starting over when they might not fit): call before a candidate's lookups. */
  reserve(n: number): void;
  /** The entry number of (`row`, `shape`), or -1 when absent. */
  find(row: number, shape: number): number;
  /** Adds the entry of (`row`, `shape`) and returns its number; the caller fills its scores, then `list`s it. */
  add(row: number, shape: number): number;
  /** Lists the pairs of entry `e` (just filled) scoring above `band`. */
  list(e: number, band: number): void;
};

export function createRolePairScores(nr: number): RolePairScores {
  const width = Math.max(nr, 1);
  const maxEntries = Math.max(Math.floor(MAX_SCORES / width), MIN_ENTRIES);
  let count = 0;
  let cap = 64;
  // Slot s of the hash table is (row, shape, entry) at 4s: one probe reads one cache line.
  let table = new Int32Array(4 * 2 * cap).fill(-1);
  let scores = new Float64Array(cap * width);
  let listed = new Float64Array(2 * cap);
  let listedEnd = 0;
  let listedSpan = new Int32Array(2 * cap);
  const filledUnder = Int32Array.of(0, 0);
  let generation = 0;

  function slotOf(row: number, shape: number): number {
    const mask = table.length / 4 - 1;
    let slot = (Math.imul(row, 0x9e3779b1) ^ Math.imul(shape, 0x85ebca6b)) & mask;
    while (table[4 * slot] !== -1 && (table[4 * slot] !== row || table[4 * slot + 1] !== shape))
      slot = (slot + 1) & mask;
    return 4 * slot;
  }

  function forget(): void {
    table.fill(-1);
    count = 0;
    listedEnd = 0;
    generation++;
  }

  function grow(): void {
    const old = table;
    cap *= 2;
    table = new Int32Array(4 * 2 * cap).fill(-1);
    for (let s = 0; s < old.length; s += 4) {
      if (old[s] === -1) continue;
      const at = slotOf(old[s]!, old[s + 1]!);
      table[at] = old[s]!;
      table[at + 1] = old[s + 1]!;
      table[at + 2] = old[s + 2]!;
    }
    const grownScores = new Float64Array(cap * width);
    grownScores.set(scores);
    scores = grownScores;
    const grownSpan = new Int32Array(2 * cap);
    grownSpan.set(listedSpan);
    listedSpan = grownSpan;
  }

  return {
    get scores() {
      return scores;
    },
    get listed() {
      return listed;
    },
    get listedSpan() {
      return listedSpan;
    },
    get generation() {
      return generation;
    },
    validFor(evidenceGeneration, shapeGeneration) {
      if (evidenceGeneration === filledUnder[0] && shapeGeneration === filledUnder[1]) return;
      filledUnder[0] = evidenceGeneration;
      filledUnder[1] = shapeGeneration;
      forget();
    },
    reserve(n) {
      if (count + n > maxEntries) forget();
    },
    find(row, shape) {
      const at = slotOf(row, shape);
      return table[at] === -1 ? -1 : table[at + 2]!;
    },
    add(row, shape) {
      if (count === cap) grow();
      const at = slotOf(row, shape);
      table[at] = row;
      table[at + 1] = shape;
      table[at + 2] = count;
      return count++;
    },
    list(e, band) {
      if (listedEnd + 2 * width > listed.length) {
        const grown = new Float64Array(Math.max(2 * listed.length, listedEnd + 2 * width));
        grown.set(listed);
        listed = grown;
      }
      const m = listAbove(scores, e * width, width, band, listed, listedEnd);
      listedSpan[2 * e] = listedEnd;
      listedSpan[2 * e + 1] = m;
      listedEnd += 2 * m;
    },
  };
}
