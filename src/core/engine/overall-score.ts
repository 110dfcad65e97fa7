import { coherenceBonus } from "../scoring/coherence-bonus.js";
import { combineOverall } from "../scoring/combine-overall.js";
import type { ScoringConfig } from "../scoring/scoring-config.js";
import type { Strategy } from "../types.js";
import type { RequiredInput, SkillNumbers } from "./engine-types.js";

/** Upstream's coherence bonus for a match, from the engine's per-skill similarities (levels play no part). */
export function matchBonus(
  numbers: SkillNumbers,
  candidateCount: number,
  requiredCount: number,
  c: ScoringConfig,
): number {
  let similaritySum = 0;
  let agreeing = 0;
  const order = numbers.requiredOrder;
  for (let k = 0; k < requiredCount; k++) {
    const i = order[k]!;
    similaritySum += numbers.maxSimilarity[i]!;
    agreeing += numbers.domainAgrees[i]!;
  }
  return coherenceBonus(
    candidateCount,
    requiredCount,
    similaritySum / requiredCount,
    agreeing / requiredCount,
    c,
  );
}

/**
 * Combines per-skill `values` (scores, or interval ends) into the overall value. `scores` decide must-have
 * caps. The one place both `assembleResult` and ranking compute an overall score, so they agree bit for bit.
 */
export function overallOf(
  values: Float64Array,
  scores: Float64Array,
  numbers: SkillNumbers,
  required: RequiredInput,
  strategy: Strategy,
  bonus: number,
  c: ScoringConfig,
): number {
  const n = required.weights.length;
  return combineOverall(
    n,
    numbers.requiredOrder,
    values,
    scores,
    required.weights,
    required.mustHave,
    strategy === "conservative",
    bonus,
    c,
  );
}
