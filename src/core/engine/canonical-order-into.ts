import { canonicalOrder } from "./canonical-order.js";

/** Sides up to this size are sorted in place by insertion; larger ones go through `canonicalOrder`. */
const INSERTION_MAX = 32;

/**
 * `canonicalOrder` of a candidate side written into `out` (length ≥ n), without allocating for small sides:
 * ranking sorts one side per candidate. Entries past n are left as they are.
 */
export function canonicalOrderInto(
  norms: readonly string[],
  names: readonly string[],
  ratios: Float64Array,
  out: Int32Array,
): void {
  const n = norms.length;
  if (n > INSERTION_MAX) {
    out.set(canonicalOrder(norms, names, ratios));
    return;
  }
  for (let k = 0; k < n; k++) {
    const norm = norms[k]!;
    const ratio = ratios[k]!;
    const name = names[k]!;
    let m = k - 1;
    while (m >= 0) {
      const o = out[m]!;
      const on = norms[o]!;
      const before = on !== norm ? on > norm : ratios[o]! !== ratio ? ratios[o]! > ratio : names[o]! > name;
      if (!before) break;
      out[m + 1] = o;
      m--;
    }
    out[m + 1] = k;
  }
}
