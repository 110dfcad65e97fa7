/**
 * Applies the cross-domain penalty to a similarity: s·(1 − penalty·(1 − s)). Identical skills (s = 1) are
 * never penalised and weak cross-domain links lose the most, which keeps the result monotone in s.
 *
 * @example effectiveSimilarity(0.7, 0.6) // 0.574
 */
export function effectiveSimilarity(similarity: number, penalty: number): number {
  return similarity * (1 - penalty * (1 - similarity));
}
