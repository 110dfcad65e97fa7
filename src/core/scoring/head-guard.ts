import { HEAD_AGREEMENT_COSINE_CEIL, HEAD_AGREEMENT_COSINE_FLOOR } from "../../defaults.js";
import type { ScoringConfig } from "./scoring-config.js";

/**
 * Caps the embedding similarity of two names that share only a modifier ("traffic engineering" vs "traffic
 * acquisition", see `sharesOnlyModifier`) by how well their heads agree. A name is mostly its head, so such
 * a pair is only as similar as its heads, and word-vector cosines between any two abstract nouns are high
 * (engineering~biology 0.65, administration~management 0.59): heads count as agreeing only from
 * HEAD_AGREEMENT_COSINE_FLOOR up, near-synonyms ("repair"~"maintenance" 0.73). Below that the pair falls to
 * the unrelated level (0).
 *
 * @param similarity the pair's effective embedding similarity in [0,1]
 * @param headCosine cosine of the two head words' unit vectors
 * @example headGuard(0.28, 0.46, config) // 0
 */
export function headGuard(similarity: number, headCosine: number, c: ScoringConfig): number {
  const x =
    (headCosine - HEAD_AGREEMENT_COSINE_FLOOR) / (HEAD_AGREEMENT_COSINE_CEIL - HEAD_AGREEMENT_COSINE_FLOOR);
  if (!(x > 0)) return 0;
  const cap = (x >= 1 ? 1 : x) * c.embeddingMaxSimilarity;
  return similarity < cap ? similarity : cap;
}
