/**
 * Quantises `values[0..dim)` into `rows[offset..offset+dim)` as symmetric int8, q = round(127·x / max|x|),
 * and sets `scales[rank]` to 1/‖q‖ so that q·scale is a unit vector. An all-zero row keeps scale 0.
 * One scale per row (not per column) because rows are what gets compared.
 *
 * @example quantizeRow(new Float64Array([3, -4]), 2, rows, 0, scales, 0) // rows [95, -127], scale ≈ 1/158.8
 */
export function quantizeRow(
  values: Float64Array,
  dim: number,
  rows: Int8Array,
  offset: number,
  scales: Float32Array,
  rank: number,
): void {
  let maxAbs = 0;
  for (let k = 0; k < dim; k++) maxAbs = Math.max(maxAbs, Math.abs(values[k] as number));
  if (maxAbs === 0) return;
  let sumSq = 0;
  for (let k = 0; k < dim; k++) {
    const q = Math.round((127 * (values[k] as number)) / maxAbs);
    rows[offset + k] = q;
    sumSq += q * q;
  }
  scales[rank] = 1 / Math.sqrt(sumSq);
}
