/**
 * Beta shape parameters for a skill at level ratio `ratio` in [0,1]: the mode sits on the ratio and
 * α + β = concentration. With concentration > 2 both α and β stay ≥ 1 even at ratio 0 or 1.
 *
 * @example betaAlpha(0.8, 12) // 9
 */
export function betaAlpha(ratio: number, concentration: number): number {
  return 1 + ratio * (concentration - 2);
}

/** β for the same Beta as `betaAlpha`. @example betaBeta(0.8, 12) // 3 */
export function betaBeta(ratio: number, concentration: number): number {
  return 1 + (1 - ratio) * (concentration - 2);
}
