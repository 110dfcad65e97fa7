import {
  HEAD_AGREEMENT_COSINE_CEIL,
  HEAD_AGREEMENT_COSINE_FLOOR,
  HEAD_DISAGREEMENT_SIMILARITY,
} from "../../defaults.js";
import type { ScoringConfig } from "./scoring-config.js";

/**
 * Caps the embedding similarity of two names that share only a modifier ("traffic engineering" vs "traffic
 * acquisition", see `sharesOnlyModifier`) by how well their heads agree. A name is mostly its head, so such
 * a pair is only as similar as its heads, and word-vector cosines between any two abstract nouns are high
 * (engineering~biology 0.65, administration~management 0.59): heads count as agreeing only from
 * HEAD_AGREEMENT_COSINE_FLOOR up, near-synonyms ("repair"~"maintenance" 0.73). Below that the pair falls to
 * the unrelated level: at most HEAD_DISAGREEMENT_SIMILARITY, scaled by the heads' cosine (a tie-break far
 * below the evidence threshold).
 *
 * @param similarity the pair's effective embedding similarity in [0,1]
 * @param headCosine cosine of the two head words' unit vectors
 * @example headGuard(0.28, 0.46, config) // ≤ HEAD_DISAGREEMENT_SIMILARITY
 */
export function headGuard(similarity: number, headCosine: number, c: ScoringConfig): number {
  const x =
    (headCosine - HEAD_AGREEMENT_COSINE_FLOOR) / (HEAD_AGREEMENT_COSINE_CEIL - HEAD_AGREEMENT_COSINE_FLOOR);
  // Below the floor the pair is no evidence, but heads that are closer still rank a little higher
  // ("tax CONTROVERSY" above "tax software SALES" for "tax LAW"), never reaching the evidence threshold.
  if (!(x > 0)) {
    const y = headCosine > 0 ? headCosine / HEAD_AGREEMENT_COSINE_FLOOR : 0;
    const low = HEAD_DISAGREEMENT_SIMILARITY * y;
    return similarity < low ? similarity : low;
  }
  // Continuous at the floor: from HEAD_DISAGREEMENT_SIMILARITY up to the embedding ceiling.
  const cap =
    HEAD_DISAGREEMENT_SIMILARITY +
    (x >= 1 ? 1 : x) * (c.embeddingMaxSimilarity - HEAD_DISAGREEMENT_SIMILARITY);
  return similarity < cap ? similarity : cap;
}
