import type { IncludeOption } from "../types.js";
import type { SkillNumbers } from "./engine-types.js";

/** Fresh per-skill buffers for `requiredCount` skills; the opt-in matrices only when `include` asks for them. */
export function createSkillNumbers(
  requiredCount: number,
  candidateCount: number,
  requiredOrder: Int32Array,
  include: readonly IncludeOption[],
): SkillNumbers {
  return {
    score: new Float64Array(requiredCount),
    lower: new Float64Array(requiredCount),
    upper: new Float64Array(requiredCount),
    variance: new Float64Array(requiredCount),
    best: new Int32Array(requiredCount),
    bestSimilarity: new Float64Array(requiredCount),
    direct: new Float64Array(requiredCount),
    bestRelation: new Uint8Array(requiredCount),
    maxSimilarity: new Float64Array(requiredCount),
    domainAgrees: new Uint8Array(requiredCount),
    requiredOrder,
    similarities: include.includes("similarities") ? new Float64Array(requiredCount * candidateCount) : null,
    pairScores: include.includes("pairwise") ? new Float64Array(requiredCount * candidateCount) : null,
  };
}
