/**
 * Writes the pairs (i, value) with `values[at + i] > threshold`, i < n, to `out` from `outAt` on (index at
 * even offsets, value after it), in increasing i, and returns how many pairs there are. Pairs sit together
 * so that a reader of a sparse row touches one run of memory. Allocates nothing.
 *
 * @example listAbove(Float64Array.of(0.1, 0.5, 0.9), 0, 3, 0.2, out, 0) // 2 (out: 1, 0.5, 2, 0.9)
 */
export function listAbove(
  values: Float64Array,
  at: number,
  n: number,
  threshold: number,
  out: Float64Array,
  outAt: number,
): number {
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = values[at + i]!;
    if (v > threshold) {
      out[outAt + 2 * m] = i;
      out[outAt + 2 * m + 1] = v;
      m++;
    }
  }
  return m;
}
