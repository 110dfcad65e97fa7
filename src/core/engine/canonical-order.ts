/**
 * Indices of a side sorted by normalised name, level ratio, `tie` (weights, must-have) and finally the raw
 * name. Both engines sum and break ties in this order, so permuting the input changes no bit of the output
 * (SPEC property 5).
 *
 * A binary insertion sort, stable like the typed-array sort it replaces (each index goes after the ones
 * that compare equal), so the order is the same. Sides are small (a small match sorts 10 and 5 indices):
 * the built-in sort called a closure comparator from a builtin and copied the array into scratch lists
 * (10 indices: 559 → 246 bytes allocated, ~1.04 → ~0.94 µs per call); this allocates only the result. For
 * the largest side (1,000 skills) it makes ~10,000 comparisons and at most ~500,000 element moves.
 */
export function canonicalOrder(
  norms: readonly string[],
  names: readonly string[],
  ratios: Float64Array,
  tie?: Float64Array,
): Int32Array {
  const n = norms.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let lo = 0;
    let hi = i;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(order[mid]!, i, norms, names, ratios, tie) <= 0) lo = mid + 1;
      else hi = mid;
    }
    for (let k = i; k > lo; k--) order[k] = order[k - 1]!;
    order[lo] = i;
  }
  return order;
}

/** Negative when index `a` sorts before `b`, positive after, zero when every key is equal. */
function compare(
  a: number,
  b: number,
  norms: readonly string[],
  names: readonly string[],
  ratios: Float64Array,
  tie: Float64Array | undefined,
): number {
  const na = norms[a] as string;
  const nb = norms[b] as string;
  if (na !== nb) return na < nb ? -1 : 1;
  const d = (ratios[a] as number) - (ratios[b] as number);
  if (d !== 0) return d;
  const t = tie === undefined ? 0 : (tie[a] as number) - (tie[b] as number);
  if (t !== 0) return t;
  const ra = names[a] as string;
  const rb = names[b] as string;
  return ra === rb ? 0 : ra < rb ? -1 : 1;
}
