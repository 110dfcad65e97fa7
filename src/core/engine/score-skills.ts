import type { ScoringConfig } from "../scoring/scoring-config.js";
import { clearEvidence } from "./clear-evidence.js";
import type { EvidenceGrid, RequiredInput, ShapeSlots, SideInput, SkillNumbers } from "./engine-types.js";
import { pairScoreRow } from "./pair-score-row.js";
import { takeEvidence } from "./take-evidence.js";

/**
 * Scores every required skill by its best candidate evidence: fills `score`, `best`, `bestSimilarity`,
 * `bestRelation`, `direct` (best score over direct evidence, for must-haves), `maxSimilarity`, `domainAgrees` and the opt-in pair matrices of `numbers`. Candidates are
 * visited in `candOrder` (canonical; it may be longer than the side), so ties and sums do not depend on
 * input order. The outer loop runs over candidates so that each reads one contiguous evidence row; every
 * required skill still sees the candidates in canonical order. `mostSimilar` and `pairScores` are scratch
 * (length ≥ required). Allocates nothing.
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
  pairScores: Float64Array,
  c: ScoringConfig,
): void {
  const nc = candidate.ids.length;
  const nr = required.ratios.length;
  const tau = c.similarityThreshold;
  const { similarity, code: codes, rowBase } = evidence;
  const { slotOf, level, exceed } = shapes;
  const similarities = numbers.similarities;
  const pairMatrix = numbers.pairScores;
  clearEvidence(numbers, mostSimilar, nr);
  for (let k = 0; k < nc; k++) {
    const j = candOrder[k]!;
    const row = rowBase[j]!;
    const slot = slotOf[j]!;
    pairScoreRow(
      similarity,
      codes,
      row,
      nr,
      level[slot]!,
      required.ratios,
      exceed,
      slot * nr,
      aggressive,
      c,
      pairScores,
      0,
    );
    takeEvidence(j, similarity, codes, row, pairScores, 0, nr, numbers, mostSimilar, c);
    if (similarities !== null) for (let i = 0; i < nr; i++) similarities[i * nc + j] = similarity[row + i]!;
    if (pairMatrix !== null) for (let i = 0; i < nr; i++) pairMatrix[i * nc + j] = pairScores[i]!;
  }
  const { maxSimilarity } = numbers;
  for (let i = 0; i < nr; i++) {
    numbers.domainAgrees[i] =
      maxSimilarity[i]! >= tau && candidate.domains[mostSimilar[i]!] === required.domains[i] ? 1 : 0;
  }
}
