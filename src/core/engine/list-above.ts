/**
 * Writes the pairs (i, value) with `values[at + i] > threshold`, i < n, to `out` from `outAt` on (index at
 * even offsets, value after it), in increasing i, and returns how many pairs there are. Pairs sit together
 * so that a reader of a sparse row touches one run of memory. Allocates nothing.
 *
 * `out` holds 32-bit floats, half the memory a ranking's bound reads at random; each value is rounded *up*
 * to a float at or above it (`ceilFloat32`), so a bound built from the pairs stays a bound.
 *
 * @example listAbove(Float64Array.of(0.1, 0.5, 0.9), 0, 3, 0.2, out, 0) // 2 (out: 1, 0.5, 2, ≥ 0.9)
 */
export function listAbove(
  values: Float64Array,
  at: number,
  n: number,
  threshold: number,
  out: Float32Array,
  outAt: number,
): number {
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = values[at + i]!;
    if (v > threshold) {
      out[outAt + 2 * m] = i;
      out[outAt + 2 * m + 1] = ceilFloat32(v);
      m++;
    }
  }
  return m;
}

/**
 * A 32-bit float at or above `v` and at most two float32 steps above it, for a finite `v` whose magnitude is
 * at least 2^-126 (or that float32 holds exactly, as 0 and the indices do). `Math.fround` rounds to the
 * nearest, which may be below; moving |f| · 2^-23 up from it passes at least one float32 step and less than two.
 */
export function ceilFloat32(v: number): number {
  const f = Math.fround(v);
  return f >= v ? f : Math.fround(f + Math.abs(f) * 2 ** -23);
}
