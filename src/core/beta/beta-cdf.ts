import cdf from "@stdlib/stats-base-dists-beta-cdf";

/**
 * Regularised incomplete beta I_x(α, β): P(X ≤ x) for X ~ Beta(α, β). Delegates to @stdlib, whose
 * special functions are tested against reference values; hand-rolled continued fractions are not worth it.
 *
 * @example betaCdf(0.5, 2, 2) // 0.5
 */
export function betaCdf(x: number, alpha: number, beta: number): number {
  return cdf(x, alpha, beta);
}
