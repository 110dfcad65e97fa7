import { canonicalOrder } from "./canonical-order.js";

/** Sides up to this size are sorted in place by insertion; larger ones go through `canonicalOrder`. */
const INSERTION_MAX = 32;

/**
 * `canonicalOrder` of a side given as positions in a table of distinct names: skill s is name
 * `index[at + s]` (`norms`, raw `names`) at level ratio `ratios[at + s]`. Written into `out` (length ≥ n);
 * sides up to INSERTION_MAX skills allocate nothing (ranking sorts one side per candidate).
 *
 * @example canonicalOrderOfNames(Int32Array.of(1, 0), 0, 2, ["go", "c"], ["Go", "C"], ratios, out) // out: 1, 0
 */
export function canonicalOrderOfNames(
  index: Int32Array,
  at: number,
  n: number,
  norms: readonly string[],
  names: readonly string[],
  ratios: Float64Array,
  out: Int32Array,
): void {
  if (n > INSERTION_MAX) {
    const sideNorms = new Array<string>(n);
    const sideNames = new Array<string>(n);
    for (let s = 0; s < n; s++) {
      sideNorms[s] = norms[index[at + s]!]!;
      sideNames[s] = names[index[at + s]!]!;
    }
    out.set(canonicalOrder(sideNorms, sideNames, ratios.subarray(at, at + n)));
    return;
  }
  for (let k = 0; k < n; k++) {
    const name = index[at + k]!;
    const norm = norms[name]!;
    const ratio = ratios[at + k]!;
    let m = k - 1;
    while (m >= 0) {
      const o = out[m]!;
      const other = index[at + o]!;
      const on = norms[other]!;
      const before =
        on !== norm
          ? on > norm
          : ratios[at + o]! !== ratio
            ? ratios[at + o]! > ratio
            : names[other]! > names[name]!;
      if (!before) break;
      out[m + 1] = o;
      m--;
    }
    out[m + 1] = k;
  }
}
