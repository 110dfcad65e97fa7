import { RELATION_ALIAS, RELATION_EXACT } from "../lexicon/lexicon-relation.js";
import { levelRatio } from "../scoring/level-ratio.js";
import { pairScore } from "../scoring/pair-score.js";
import type { ScoringConfig } from "../scoring/scoring-config.js";

/**
 * Pair scores of one candidate skill against every required skill: `out[at + i] = pairScore(...)` for the
 * evidence entry `row + i` (similarity and relation code), the skill's level `r` and the exceedance row of
 * its Beta shape (`exceed[shapeAt + i]`). The one place both the match path and ranking's score table
 * compute pair scores, so they agree bit for bit. Allocates nothing.
 *
 * @param nr number of required skills
 * @param ratios level ratio of each required skill
 * @example pairScoreRow(sim, codes, 0, 2, 0.8, Float64Array.of(0.6, 1), exceed, 0, false, config, out, 0)
 */
export function pairScoreRow(
  similarity: Float64Array,
  codes: Uint8Array,
  row: number,
  nr: number,
  r: number,
  ratios: Float64Array,
  exceed: Float64Array,
  shapeAt: number,
  aggressive: boolean,
  c: ScoringConfig,
  out: Float64Array,
  at: number,
): void {
  for (let i = 0; i < nr; i++) {
    const e = similarity[row + i]!;
    const near = nearIdentical(e, codes[row + i]!, c);
    out[at + i] = pairScore(e, near, levelRatio(r, ratios[i]!), exceed[shapeAt + i]!, r, aggressive, c);
  }
}

/**
 * True when some pair of the evidence row `row` (of `nr` pairs) is evidence at all: near-identical (an exact
 * or alias code, or a similarity above `nearIdenticalThreshold`) or at least `similarityThreshold` similar.
 * Every other pair scores at most the no-evidence band at any level (`pairScore`: the band plus
 * `noEvidenceLevelSpread` times a level ratio and a relevance below one, both at most one), so a row without
 * evidence lists no pair above the band at any shape and adds nothing to a bound. Most rows of a ranking are
 * such: a name is close to few of a role's skills. Allocates nothing.
 */
export function rowHasEvidence(
  similarity: Float64Array,
  codes: Uint8Array,
  row: number,
  nr: number,
  c: ScoringConfig,
): boolean {
  for (let i = 0; i < nr; i++) {
    const e = similarity[row + i]!;
    if (e >= c.similarityThreshold || nearIdentical(e, codes[row + i]!, c)) return true;
  }
  return false;
}

/** A pair is near-identical evidence: an exact or alias relation, or a similarity above the threshold. */
function nearIdentical(similarity: number, code: number, c: ScoringConfig): boolean {
  return code === RELATION_EXACT || code === RELATION_ALIAS || similarity > c.nearIdenticalThreshold;
}
