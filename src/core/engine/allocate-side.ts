import type { HeadWords } from "../text/head-words.js";
import type { Domain, Level } from "../types.js";

/** A `SideInput` under construction: every per-skill array sized for its skills, filled in place. */
export type WritableSide = {
  names: string[];
  norms: string[];
  levels: readonly Level[];
  ratios: Float64Array;
  lexIndex: Int32Array;
  domains: Domain[];
  rows: Float32Array[];
  heads: (HeadWords | null)[];
  headRows: Float32Array[];
  ids: Int32Array;
};

/**
 * The arrays of a side of `n` skills, for a builder to fill (a rank batch's list, a call's distinct names).
 * `levels` and `ratios` are the caller's: a side of names alone has none.
 */
export function allocateSide(n: number, levels: readonly Level[], ratios: Float64Array): WritableSide {
  return {
    names: new Array<string>(n),
    norms: new Array<string>(n),
    levels,
    ratios,
    lexIndex: new Int32Array(n),
    domains: new Array<Domain>(n),
    rows: new Array<Float32Array>(n),
    heads: new Array<HeadWords | null>(n),
    headRows: new Array<Float32Array>(n),
    ids: new Int32Array(n),
  };
}
