import { RELATION_ALIAS, RELATION_EXACT, RELATION_NONE } from "../lexicon/lexicon-relation.js";
import { levelRatio } from "../scoring/level-ratio.js";
import { RELATION_EMBEDDING } from "../scoring/lexical-similarity.js";
import { pairScore } from "../scoring/pair-score.js";
import type { ScoringConfig } from "../scoring/scoring-config.js";
import type { EvidenceGrid, RequiredInput, ShapeSlots, SideInput, SkillNumbers } from "./engine-types.js";

/**
 * Scores every required skill by its best candidate evidence: fills `score`, `best`, `bestSimilarity`,
 * `bestRelation`, `maxSimilarity`, `domainAgrees` and the opt-in pair matrices of `numbers`. Candidates are
 * visited in `candOrder` (canonical; it may be longer than the side), so ties and sums do not depend on
 * input order. The outer loop runs over candidates so that each reads one contiguous evidence row; every
 * required skill still sees the candidates in canonical order. `mostSimilar` is scratch (length ≥ required).
 * Allocates nothing.
 */
export function scoreSkills(
  candidate: SideInput,
  candOrder: Int32Array,
  required: RequiredInput,
  evidence: EvidenceGrid,
  shapes: ShapeSlots,
  aggressive: boolean,
  numbers: SkillNumbers,
  mostSimilar: Int32Array,
  c: ScoringConfig,
): void {
  const nc = candidate.ids.length;
  const nr = required.ratios.length;
  const tau = c.similarityThreshold;
  const nearAbove = c.nearIdenticalThreshold;
  const { similarity, code: codes, rowBase } = evidence;
  const { slotOf, level, exceed } = shapes;
  const { score, best, bestSimilarity, bestRelation, maxSimilarity } = numbers;
  const similarities = numbers.similarities;
  const pairScores = numbers.pairScores;
  const ratios = required.ratios;
  for (let i = 0; i < nr; i++) {
    best[i] = -1;
    score[i] = -1;
    bestSimilarity[i] = 0;
    bestRelation[i] = RELATION_NONE;
    mostSimilar[i] = -1;
    maxSimilarity[i] = -1;
  }
  for (let k = 0; k < nc; k++) {
    const j = candOrder[k]!;
    const row = rowBase[j]!;
    const slot = slotOf[j]!;
    const r = level[slot]!;
    const shapeRow = slot * nr;
    for (let i = 0; i < nr; i++) {
      const e = similarity[row + i]!;
      let code = codes[row + i]!;
      const near = code === RELATION_EXACT || code === RELATION_ALIAS || e > nearAbove;
      const p = pairScore(e, near, levelRatio(r, ratios[i]!), exceed[shapeRow + i]!, r, aggressive, c);
      if (code === RELATION_EMBEDDING && e < tau) code = RELATION_NONE;
      if (p > score[i]!) {
        best[i] = j;
        score[i] = p;
        bestSimilarity[i] = e;
        bestRelation[i] = code;
      }
      if (e > maxSimilarity[i]!) {
        mostSimilar[i] = j;
        maxSimilarity[i] = e;
      }
      if (similarities !== null) similarities[i * nc + j] = e;
      if (pairScores !== null) pairScores[i * nc + j] = p;
    }
  }
  for (let i = 0; i < nr; i++) {
    numbers.domainAgrees[i] =
      maxSimilarity[i]! >= tau && candidate.domains[mostSimilar[i]!] === required.domains[i] ? 1 : 0;
  }
}
