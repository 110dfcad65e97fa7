import type { ScoringConfig } from "./scoring-config.js";

/**
 * Score in [0,1] that one candidate skill earns for one required skill. Monotone non-decreasing in the
 * candidate's level (`levelRatioU`, `exceedance`, `candidateRatio`), which SPEC property 3 relies on.
 *
 * - near-identical (`near`): upstream's 0.6 + 0.4·u, faded out below half the required level;
 * - below the similarity floor (no evidence): upstream's severe penalty without its level share, plus at
 *   most `noEvidenceLevelSpread` for level × similarity, so the best of many unrelated skills cannot climb
 *   with the length of the list;
 * - otherwise: the near-identical level curve applied to upstream's blend of direct ratio and exceedance,
 *   times a transfer factor that grows from
 *   `moderatePenalty` at the floor to 1 at similarity 1, times upstream's similarity boosts.
 *
 * Related and direct evidence never scores below the no-evidence ceiling: the exact skill at level 0 is
 * worth at least an unrelated skill at any level (issue 10, class 7).
 *
 * @param similarity effective similarity in [0,1]
 * @param near the skills are the same skill (same name, alias, or similarity above the near-identical threshold)
 * @param levelRatioU min(1, r/t)
 * @param exceedance P(X ≥ t) for the candidate's Beta
 * @param candidateRatio r = value/max of the candidate skill
 * @param aggressive use the aggressive strategy's concave transfer
 */
export function pairScore(
  similarity: number,
  near: boolean,
  levelRatioU: number,
  exceedance: number,
  candidateRatio: number,
  aggressive: boolean,
  c: ScoringConfig,
): number {
  const noEvidence = c.severePenalty * (1 - c.penaltyLevelShare);
  if (!near && similarity < c.similarityThreshold) {
    // The level counts in proportion to similarity: a 5/5 in an irrelevant skill is no evidence.
    const relevance = similarity > 0 ? similarity / c.similarityThreshold : 0;
    return noEvidence + c.noEvidenceLevelSpread * candidateRatio * relevance;
  }
  const floor = noEvidence + c.noEvidenceLevelSpread;
  const fade = levelRatioU >= c.nearIdenticalFadeRatio ? 1 : levelRatioU / c.nearIdenticalFadeRatio;
  if (near) {
    const direct = fade * (c.nearIdenticalFloor + (1 - c.nearIdenticalFloor) * levelRatioU);
    return direct > floor ? direct : floor;
  }
  const lambda = c.ratioWeightBelow + (c.ratioWeightMeets - c.ratioWeightBelow) * levelRatioU;
  // The same level curve as the near-identical path, with upstream's ratio/exceedance blend inside it, so
  // related evidence is discounted by similarity (transfer), not by a harsher level curve.
  const blend = lambda * levelRatioU + (1 - lambda) * exceedance;
  const level = fade * (c.nearIdenticalFloor + (1 - c.nearIdenticalFloor) * blend);
  let x = (similarity - c.similarityThreshold) / (1 - c.similarityThreshold);
  if (aggressive) x = x ** c.aggressiveTransferExponent;
  const transfer = c.moderatePenalty + (1 - c.moderatePenalty) * x;
  const boost =
    similarity > c.verySimilarThreshold
      ? c.verySimilarBoost
      : similarity > c.moderatelySimilarThreshold
        ? c.moderatelySimilarBoost
        : 1;
  const score = transfer * level * boost;
  return score >= 1 ? 1 : score > floor ? score : floor;
}
