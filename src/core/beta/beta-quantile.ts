import quantile from "@stdlib/stats-base-dists-beta-quantile";

/**
 * The p-quantile of Beta(α, β), from @stdlib. Increases with α and decreases with β, so for our level shapes
 * it rises with the level ratio.
 *
 * @example betaQuantile(0.5, 2, 2) // 0.5
 */
export function betaQuantile(p: number, alpha: number, beta: number): number {
  return quantile(p, alpha, beta);
}
