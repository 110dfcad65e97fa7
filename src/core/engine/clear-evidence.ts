import { RELATION_NONE } from "../lexicon/lexicon-relation.js";
import type { SkillNumbers } from "./engine-types.js";

/** Resets the best-evidence fields of `numbers` (and `mostSimilar`) for `nr` required skills before a match. */
export function clearEvidence(numbers: SkillNumbers, mostSimilar: Int32Array, nr: number): void {
  const { score, best, bestSimilarity, bestRelation, maxSimilarity, direct } = numbers;
  for (let i = 0; i < nr; i++) {
    best[i] = -1;
    score[i] = -1;
    bestSimilarity[i] = 0;
    bestRelation[i] = RELATION_NONE;
    direct[i] = 0;
    mostSimilar[i] = -1;
    maxSimilarity[i] = -1;
  }
}
