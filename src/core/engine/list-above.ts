/**
 * Writes the indices i < n with `values[at + i] > threshold` to `out` from `outAt` on, in increasing order,
 * and returns how many there are. Allocates nothing.
 *
 * @example listAbove(Float64Array.of(0.1, 0.5, 0.9), 0, 3, 0.2, out, 0) // 2 (out: 1, 2)
 */
export function listAbove(
  values: Float64Array,
  at: number,
  n: number,
  threshold: number,
  out: Uint16Array,
  outAt: number,
): number {
  let m = 0;
  for (let i = 0; i < n; i++) if (values[at + i]! > threshold) out[outAt + m++] = i;
  return m;
}
