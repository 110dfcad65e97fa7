import { RELATION_NONE } from "../lexicon/lexicon-relation.js";
import { beatsBest } from "../scoring/beats-best.js";
import { RELATION_EMBEDDING } from "../scoring/lexical-similarity.js";
import { isDirectEvidence } from "../scoring/must-have.js";
import type { ScoringConfig } from "../scoring/scoring-config.js";
import type { SkillNumbers } from "./engine-types.js";

/**
 * Folds candidate skill `j` into the best evidence of every required skill: its evidence entries
 * (`similarity`/`codes` at `row + i`) and pair scores (`scores` at `at + i`) update `score`, `best`,
 * `bestSimilarity`, `bestRelation`, `direct`, `maxSimilarity` and `mostSimilar`. Callers visit candidate
 * skills in canonical order, so ties do not depend on input order. Allocates nothing.
 *
 * @param nr number of required skills
 * @example takeEvidence(0, sim, codes, 0, scores, 0, nr, numbers, mostSimilar, config)
 */
export function takeEvidence(
  j: number,
  similarity: Float64Array,
  codes: Uint8Array,
  row: number,
  scores: Float64Array,
  at: number,
  nr: number,
  numbers: SkillNumbers,
  mostSimilar: Int32Array,
  c: ScoringConfig,
): void {
  const tau = c.similarityThreshold;
  const { score, best, bestSimilarity, bestRelation, maxSimilarity, direct } = numbers;
  for (let i = 0; i < nr; i++) {
    const e = similarity[row + i]!;
    const p = scores[at + i]!;
    const raw = codes[row + i]!;
    // Relaxing EMBEDDING to NONE below the floor cannot change whether a pair is direct evidence.
    if (p > direct[i]! && isDirectEvidence(raw, e, c)) direct[i] = p;
    // A pair scoring below the best so far cannot beat it (beatsBest compares scores first).
    if (p >= score[i]!) {
      const code = raw === RELATION_EMBEDDING && e < tau ? RELATION_NONE : raw;
      if (beatsBest(p, e, code, score[i]!, bestSimilarity[i]!, bestRelation[i]!)) {
        best[i] = j;
        score[i] = p;
        bestSimilarity[i] = e;
        bestRelation[i] = code;
      }
    }
    if (e > maxSimilarity[i]!) {
      mostSimilar[i] = j;
      maxSimilarity[i] = e;
    }
  }
}
