import { coherenceBonus } from "../scoring/coherence-bonus.js";
import { combineOverall } from "../scoring/combine-overall.js";
import type { ScoringConfig } from "../scoring/scoring-config.js";
import type { Strategy } from "../types.js";
import type { RequiredInput, SkillNumbers } from "./engine-types.js";

/**
 * Upstream's coherence bonus for a match, from the engine's per-skill similarities (levels play no part).
 * Only evidence counts: a similarity below the floor adds nothing to the mean, and the candidate's skill
 * count is the number of distinct skills that are the (related or direct) best evidence for some
 * requirement, so padding a list with unrelated skills can never switch the bonus on (issue 10, class 6).
 */
export function matchBonus(
  numbers: SkillNumbers,
  _candidateCount: number,
  requiredCount: number,
  c: ScoringConfig,
): number {
  let similaritySum = 0;
  let agreeing = 0;
  let evidenceSkills = 0;
  const order = numbers.requiredOrder;
  const tau = c.similarityThreshold;
  for (let k = 0; k < requiredCount; k++) {
    const i = order[k]!;
    const s = numbers.maxSimilarity[i]!;
    if (s >= tau) similaritySum += s;
    agreeing += numbers.domainAgrees[i]!;
    if (numbers.bestSimilarity[i]! < tau) continue;
    const j = numbers.best[i]!;
    let seen = false;
    for (let q = 0; q < k && !seen; q++) {
      const p = order[q]!;
      seen = numbers.best[p] === j && numbers.bestSimilarity[p]! >= tau;
    }
    if (!seen) evidenceSkills++;
  }
  return coherenceBonus(
    evidenceSkills,
    requiredCount,
    similaritySum / requiredCount,
    agreeing / requiredCount,
    c,
  );
}

/**
 * Combines per-skill `values` (scores, or interval ends) into the overall value. `direct` (best direct-
 * evidence scores) decides must-have caps. The one place both `assembleResult` and ranking compute an overall score, so they agree bit for bit.
 */
export function overallOf(
  values: Float64Array,
  direct: Float64Array,
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
    direct,
    required.weights,
    required.mustHave,
    strategy === "conservative",
    bonus,
    c,
  );
}
