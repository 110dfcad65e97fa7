/** Variance αβ/((α+β)²(α+β+1)) of a Beta distribution. Returns NaN if α <= 0 or β <= 0. @example betaVariance(1, 1) // 1/12 */
export function betaVariance(alpha: number, beta: number): number {
  if (!(alpha > 0 && beta > 0)) return Number.NaN;
  const s = alpha + beta;
  return (alpha * beta) / (s * s * (s + 1));
}
