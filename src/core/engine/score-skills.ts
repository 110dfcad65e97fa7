import { RELATION_ALIAS, RELATION_EXACT, RELATION_NONE } from "../lexicon/lexicon-relation.js";
import { levelRatio } from "../scoring/level-ratio.js";
import { RELATION_EMBEDDING } from "../scoring/lexical-similarity.js";
import { pairScore } from "../scoring/pair-score.js";
import type { ScoringConfig } from "../scoring/scoring-config.js";
import type { EvidenceGrid, RequiredInput, ShapeSlots, SideInput, SkillNumbers } from "./engine-types.js";

/**
 * Scores every required skill by its best candidate evidence: fills `score`, `best`, `bestSimilarity`,
 * `bestRelation`, `maxSimilarity`, `domainAgrees` and the opt-in pair matrices of `numbers`. Candidates are
 * visited in `candOrder` (canonical; it may be longer than the side), so ties and sums do not depend on input order. Allocates nothing.
 */
export function scoreSkills(
  candidate: SideInput,
  candOrder: Int32Array,
  required: RequiredInput,
  evidence: EvidenceGrid,
  shapes: ShapeSlots,
  aggressive: boolean,
  numbers: SkillNumbers,
  c: ScoringConfig,
): void {
  const nc = candidate.ids.length;
  const nr = required.ratios.length;
  const tau = c.similarityThreshold;
  const { similarity, code: codes, rowBase } = evidence;
  const { slotOf, level, exceed } = shapes;
  for (let i = 0; i < nr; i++) {
    const t = required.ratios[i]!;
    let best = -1;
    let bestScore = -1;
    let bestSim = 0;
    let bestCode = RELATION_NONE;
    let mostSimilar = -1;
    let maxSim = -1;
    for (let k = 0; k < nc; k++) {
      const j = candOrder[k]!;
      const at = rowBase[j]! + i;
      const e = similarity[at]!;
      let code = codes[at]!;
      const near = code === RELATION_EXACT || code === RELATION_ALIAS || e > c.nearIdenticalThreshold;
      const slot = slotOf[j]!;
      const r = level[slot]!;
      const p = pairScore(e, near, levelRatio(r, t), exceed[slot * nr + i]!, r, aggressive, c);
      if (code === RELATION_EMBEDDING && e < tau) code = RELATION_NONE;
      if (p > bestScore) {
        best = j;
        bestScore = p;
        bestSim = e;
        bestCode = code;
      }
      if (e > maxSim) {
        mostSimilar = j;
        maxSim = e;
      }
      if (numbers.similarities !== null) numbers.similarities[i * nc + j] = e;
      if (numbers.pairScores !== null) numbers.pairScores[i * nc + j] = p;
    }
    numbers.best[i] = best;
    numbers.score[i] = bestScore;
    numbers.bestSimilarity[i] = bestSim;
    numbers.bestRelation[i] = bestCode;
    numbers.maxSimilarity[i] = maxSim;
    numbers.domainAgrees[i] = maxSim >= tau && candidate.domains[mostSimilar] === required.domains[i] ? 1 : 0;
  }
}
