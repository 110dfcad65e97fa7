/**
 * Arithmetic mean of the values that are not NaN.
 *
 * @returns NaN when no value is defined
 * @example meanOfDefined([1, Number.NaN, 0.5]) // 0.75
 */
export function meanOfDefined(values: readonly number[]): number {
  let sum = 0;
  let count = 0;
  for (const value of values) {
    if (Number.isNaN(value)) continue;
    sum += value;
    count += 1;
  }
  return count === 0 ? Number.NaN : sum / count;
}
