import type { SideInput } from "./engine-types.js";

/** Shapes per name whose score entry is remembered by position (levels are mostly a few small ratios). */
export const NEAR_SHAPES = 8;

/**
 * What one role's scorer has already looked up for each name of a batch's names side: its evidence row
 * (`rowOf`) and the score entry of each of its first few shapes (`entryOf`, NEAR_SHAPES per name), -1 until
 * looked up, with the generations of the evidence and pair-score tables they were read under. Kept between
 * calls while the batches bring the same names side (a matcher keeps one from call to call): a ranking that
 * goes on over many calls looks each name up once, and no call allocates arrays as long as the side.
 */
export type RoleNameLookups = {
  readonly rowOf: Int32Array;
  readonly entryOf: Int32Array;
  readonly evidenceGeneration: number;
  readonly pairGeneration: number;
  /** Makes the arrays fit `names`, forgetting everything when they were filled for another side. */
  fit(names: SideInput): void;
  /** Forgets the rows: the evidence table is now at `generation`. */
  forgetRows(generation: number): void;
  /** Forgets the entries: the pair-score table is now at `generation`. */
  forgetEntries(generation: number): void;
};

export function createRoleNameLookups(): RoleNameLookups {
  let side: SideInput | null = null;
  let rowOf = new Int32Array(0);
  let entryOf = new Int32Array(0);
  let evidenceGeneration = -1;
  let pairGeneration = -1;
  return {
    get rowOf() {
      return rowOf;
    },
    get entryOf() {
      return entryOf;
    },
    get evidenceGeneration() {
      return evidenceGeneration;
    },
    get pairGeneration() {
      return pairGeneration;
    },
    fit(names) {
      const n = names.ids.length;
      if (names === side && rowOf.length >= n) return;
      side = names;
      rowOf = new Int32Array(n).fill(-1);
      entryOf = new Int32Array(n * NEAR_SHAPES).fill(-1);
    },
    forgetRows(generation) {
      rowOf.fill(-1);
      evidenceGeneration = generation;
    },
    forgetEntries(generation) {
      entryOf.fill(-1);
      pairGeneration = generation;
    },
  };
}
