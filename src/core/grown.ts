/** The typed arrays the kernels grow. */
type GrowableArray = Int32Array | Float32Array | Float64Array | Uint8Array;

/**
 * A copy of `a` with room for `n` elements (`n` ≥ `a.length`), the rest zero: how a table that doubles keeps
 * what it holds. Allocates; for growth paths only.
 *
 * @example grown(Int32Array.of(1, 2), 4) // Int32Array [1, 2, 0, 0]
 */
export function grown<T extends GrowableArray>(a: T, n: number): T {
  const b = new (a.constructor as new (length: number) => T)(n);
  b.set(a);
  return b;
}
