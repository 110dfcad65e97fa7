/**
 * Dot product of `dim` elements of `x` from `xOffset` and `y` from `yOffset`, accumulated in float64.
 * Both engines use this order of summation, so their similarities agree bit for bit.
 *
 * @example dot(3, new Float32Array([1, 2, 3]), 0, new Float32Array([4, 5, 6]), 0) // 32
 */
export function dot(dim: number, x: Float32Array, xOffset: number, y: Float32Array, yOffset: number): number {
  let sum = 0;
  for (let k = 0; k < dim; k++) sum += x[xOffset + k]! * y[yOffset + k]!;
  return sum;
}
