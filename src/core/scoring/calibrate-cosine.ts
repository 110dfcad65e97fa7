import type { ScoringConfig } from "./scoring-config.js";

/**
 * Maps a raw embedding cosine onto the similarity scale the lexicon uses. Word-vector cosines between
 * unrelated skills hover around 0.1–0.35, so anything at or below the floor is 0; embedding evidence alone
 * tops out at `embeddingMaxSimilarity`, below the near-identical threshold.
 *
 * @example calibrateCosine(0.95, DEFAULT_SCORING_CONFIG) // 0.7
 */
export function calibrateCosine(cosine: number, config: ScoringConfig): number {
  const x =
    (cosine - config.embeddingCosineFloor) / (config.embeddingCosineCeil - config.embeddingCosineFloor);
  if (!(x > 0)) return 0;
  return (x >= 1 ? 1 : x) * config.embeddingMaxSimilarity;
}
