import { grown } from "../grown.js";
import { listAbove } from "./list-above.js";

/**
 * Entries kept before the table starts over (its hash table is then 8 MB). A ranking meets about one entry
 * per distinct (name, level): `npm run bench:rank`'s 20,000 candidates bring 56,000 at five levels, and at
 * ten levels twice that, which made a table of 65,536 start over once or twice in every call (rank 1.7×
 * slower).
 */
const MAX_ENTRIES = 1 << 18;
/** Floats of listed pairs kept before the table starts over: 8 MB (a larger candidate side still fits). */
const MAX_LISTED = 1 << 21;

/**
 * The pairs above the no-evidence band of each (evidence row, Beta shape) against one fixed role: a name at a
 * level scores the same against every required skill each time it is listed, and ranking lists the same few
 * thousand names at a handful of levels. Only the pairs above the band are kept (a few per entry), which is
 * all ranking's bound reads; the exact path recomputes a full row for the few candidates that pass it. An
 * open-addressing table over typed arrays (linear probing, load ≤ 1/2), bounded by MAX_ENTRIES entries and
 * MAX_LISTED doubles. Row and shape numbers come from the role's evidence table and shape set; the owner
 * starts this table over whenever either of those does.
 *
 * An entry is known by where it starts in `listed`, and it starts with its own count: the bound of every
 * candidate skill reads its pairs right after the lookup that gave the entry. With a separate table of
 * spans, that was three dependent reads of cold memory per skill (lookup, span, pairs); profiled line by
 * line, the span and pair reads were over half of ranking's scoring time.
 */
export type RolePairScores = {
  /**
   * Entry e is `listed[e]` = m, then its pairs (i, score) at `listed[e + 1 + 2j]`, `listed[e + 2 + 2j]` for
   * j < m: the required skills it scores above the band given to `add`, in increasing i. Replaced on growth.
   * Scores are rounded up to 32-bit floats (see listAbove): they serve only as bounds.
   */
  readonly listed: Float32Array;
  /** Changes whenever entries are dropped, which invalidates every entry handed out before. */
  readonly generation: number;
  /**
   * Forgets every entry unless the table was filled under these generations of the evidence table and the
   * shape set (whose row and shape numbers it is keyed by).
   */
  validFor(evidenceGeneration: number, shapeGeneration: number): void;
  /** Makes room for `n` new entries (starting over when they might not fit): call before a candidate's lookups. */
  reserve(n: number): void;
  /** The entry of (`row`, `shape`), or -1 when absent. */
  find(row: number, shape: number): number;
  /** Adds the entry of (`row`, `shape`) from its pair scores (`scores[at + i]`) above `band`; returns it. */
  add(row: number, shape: number, scores: Float64Array, at: number, band: number): number;
};

export function createRolePairScores(nr: number): RolePairScores {
  const width = Math.max(nr, 1);
  let count = 0;
  let cap = 64;
  // Slot s of the hash table is (row, shape, entry) at 4s: one probe reads one cache line.
  let table = new Int32Array(4 * 2 * cap).fill(-1);
  // At its largest size from the start, for the reason role-evidence.ts gives (untouched pages cost nothing).
  let listed = new Float32Array(MAX_LISTED);
  let listedEnd = 0;
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
  }

  return {
    get listed() {
      return listed;
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
      if (count + n > MAX_ENTRIES || listedEnd + n * (2 * width + 1) > MAX_LISTED) forget();
    },
    find(row, shape) {
      const at = slotOf(row, shape);
      return table[at] === -1 ? -1 : table[at + 2]!;
    },
    add(row, shape, scores, at, band) {
      if (count === cap) grow();
      const slot = slotOf(row, shape);
      const entry = listedEnd;
      table[slot] = row;
      table[slot + 1] = shape;
      table[slot + 2] = entry;
      if (entry + 2 * width + 1 > listed.length) {
        listed = grown(listed, Math.max(2 * listed.length, entry + 2 * width + 1));
      }
      const m = listAbove(scores, at, width, band, listed, entry + 1);
      listed[entry] = m;
      listedEnd += 2 * m + 1;
      count++;
      return entry;
    },
  };
}
