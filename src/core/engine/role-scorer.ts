import { combineOverall } from "../scoring/combine-overall.js";
import type { Strategy } from "../types.js";
import { canonicalOrder } from "./canonical-order.js";
import { canonicalOrderOfNames } from "./canonical-order-of-names.js";
import { clearEvidence } from "./clear-evidence.js";
import { createSkillNumbers } from "./create-skill-numbers.js";
import type { EvidenceContext, RequiredInput, RoleScorer } from "./engine-types.js";
import { createKthBest } from "./kth-best.js";
import { matchBonus, overallOf } from "./overall-score.js";
import { pairScoreRow } from "./pair-score-row.js";
import { requiredTie } from "./required-tie.js";
import type { RoleTables } from "./role-evidence-cache.js";
import { NEAR_SHAPES } from "./role-name-lookups.js";
import { takeEvidence } from "./take-evidence.js";

const NO_INCLUDE: readonly never[] = [];
/**
 * The entry of a (name, shape) with no pair above the band, in place of its position: such a skill adds
 * nothing to a bound, and many skills are such (37 % in `npm run bench:rank`: a name is close to few of a
 * role's skills), so the bound skips them without reading `listed`, a dependent read of cold memory. -1 stays
 * "not looked up yet".
 */
const NO_PAIRS = -2;
/**
 * How far a candidate's bound must sit below the bar to be skipped. The bound is an overall score computed
 * from per-skill values at least as high as the real ones; rounding is monotone in each step, but the margin
 * keeps a candidate within a hair of the bar on the exact path whatever an ulp does.
 */
const BOUND_MARGIN = 1e-9;

/**
 * Overall scores of many candidates against one fixed role, equal bit for bit to `score(...).overallScore`.
 * Everything that depends on the role alone is done once and kept for later calls: its canonical order,
 * the evidence row of each distinct candidate name, the exceedance of each Beta shape and the pairs above
 * the no-evidence band of each (name row, shape). Per candidate it finds one row and one score entry per skill, in reused buffers.
 *
 * With a top K, a candidate is first bounded: each required skill's score is at most the highest listed pair
 * score (the pairs above the no-evidence band) or the band's ceiling, and the overall score of those bounds,
 * with the largest coherence bonus and every must-have met, is at most the real one. A candidate whose bound
 * cannot beat the K-th best score so far (earlier candidates win ties), or the caller's `above`, gets
 * -Infinity and no exact score.
 */
export function createRoleScorer(
  ctx: EvidenceContext,
  role: RoleTables,
  required: RequiredInput,
  strategy: Strategy,
): RoleScorer {
  const c = ctx.config;
  const nr = required.ids.length;
  const order = canonicalOrder(required.norms, required.names, required.ratios, requiredTie(required));
  const numbers = createSkillNumbers(nr, 0, order, NO_INCLUDE);
  const { evidence, shapes, pairScores, lookups } = role;
  const aggressive = strategy === "aggressive";
  const conservative = strategy === "conservative";
  const tau = c.similarityThreshold;
  // pairScore's no-evidence ceiling: unlisted pairs score at most this.
  const band = c.severePenalty * (1 - c.penaltyLevelShare) + c.noEvidenceLevelSpread;
  const bonusBound = Math.max(c.coherenceBonusMin, c.coherenceBonusMax, 0);
  const bound = new Float64Array(nr);
  const allMet = new Float64Array(nr).fill(Number.POSITIVE_INFINITY);
  const mostSimilar = new Int32Array(nr);
  let candOrder: Int32Array = new Int32Array(16);
  let rowAt: Int32Array = new Int32Array(16);
  let entryAt: Int32Array = new Int32Array(16);
  let shapeAt: Int32Array = new Int32Array(16);
  let exact: Float64Array = new Float64Array(16 * Math.max(nr, 1));
  const rowScores = new Float64Array(nr);

  /** Pair scores of evidence row `row` at shape `shape` into `out` from `at` on. */
  function scoreRow(row: number, shape: number, out: Float64Array, at: number): void {
    const level = shapes.level[shape]!;
    pairScoreRow(
      evidence.similarity,
      evidence.code,
      row * nr,
      nr,
      level,
      required.ratios,
      shapes.exceed,
      shape * nr,
      aggressive,
      c,
      out,
      at,
    );
  }

  return (batch, from, to, topK, out, above) => {
    const { names, index, start, ratios } = batch;
    // Row number, and score entry of each of the first few shapes, of each name (-1 until looked up): most
    // skills then cost two reads of small typed arrays.
    lookups.fit(names);
    const { rowOf, entryOf } = lookups;
    const bar = topK < to - from ? createKthBest(topK) : null;
    const bounded = bar !== null || above > Number.NEGATIVE_INFINITY;
    for (let k = from; k < to; k++) {
      const at = start[k]!;
      const n = start[k + 1]! - at;
      candOrder = int32AtLeast(candOrder, n);
      rowAt = int32AtLeast(rowAt, n);
      entryAt = int32AtLeast(entryAt, n);
      shapeAt = int32AtLeast(shapeAt, n);
      evidence.reserve(n);
      shapes.reserve(n);
      if (evidence.generation !== lookups.evidenceGeneration) lookups.forgetRows(evidence.generation);
      pairScores.validFor(evidence.generation, shapes.generation);
      pairScores.reserve(n);
      if (pairScores.generation !== lookups.pairGeneration) lookups.forgetEntries(pairScores.generation);
      for (let s = 0; s < n; s++) {
        const name = index[at + s]!;
        const shape = shapes.slot(ratios[at + s]!);
        let entry = shape < NEAR_SHAPES ? entryOf[name * NEAR_SHAPES + shape]! : -1;
        if (entry === -1) {
          let row = rowOf[name]!;
          if (row < 0) {
            row = evidence.row(names, name);
            rowOf[name] = row;
          }
          entry = pairScores.find(row, shape);
          if (entry < 0) {
            scoreRow(row, shape, rowScores, 0);
            entry = pairScores.add(row, shape, rowScores, 0, band);
          }
          if (pairScores.listed[entry] === 0) entry = NO_PAIRS;
          if (shape < NEAR_SHAPES) entryOf[name * NEAR_SHAPES + shape] = entry;
        }
        entryAt[s] = entry;
        shapeAt[s] = shape;
      }
      if (bounded) {
        const listed = pairScores.listed;
        bound.fill(band);
        for (let s = 0; s < n; s++) {
          // An entry is its count, then its pairs (see RolePairScores); many skills have none.
          if (entryAt[s]! === NO_PAIRS) continue;
          const e = entryAt[s]! + 1;
          const end = e + 2 * (listed[e - 1]! | 0);
          for (let q = e; q < end; q += 2) {
            const i = listed[q]!;
            if (listed[q + 1]! > bound[i]!) bound[i] = listed[q + 1]!;
          }
        }
        const most = combineOverall(
          nr,
          order,
          bound,
          allMet,
          required.weights,
          required.mustHave,
          conservative,
          bonusBound,
          c,
        );
        if (most + BOUND_MARGIN <= (bar === null || bar.value < above ? above : bar.value)) {
          out[k - from] = Number.NEGATIVE_INFINITY;
          continue;
        }
      }
      // A remembered entry implies a looked-up row: both are dropped when the evidence starts over.
      // The table keeps only listed pairs: the few candidates that get here score their rows again, with
      // the same kernel, so the numbers are the ones match computes.
      exact = float64AtLeast(exact, n * nr);
      for (let s = 0; s < n; s++) {
        const row = rowOf[index[at + s]!]!;
        rowAt[s] = row * nr;
        scoreRow(row, shapeAt[s]!, exact, s * nr);
      }
      canonicalOrderOfNames(index, at, n, names.norms, names.names, ratios, candOrder);
      const similarity = evidence.similarity;
      const codes = evidence.code;
      clearEvidence(numbers, mostSimilar, nr);
      for (let q = 0; q < n; q++) {
        const j = candOrder[q]!;
        takeEvidence(j, similarity, codes, rowAt[j]!, exact, j * nr, nr, numbers, mostSimilar, c);
      }
      for (let i = 0; i < nr; i++) {
        numbers.domainAgrees[i] =
          numbers.maxSimilarity[i]! >= tau &&
          names.domains[index[at + mostSimilar[i]!]!] === required.domains[i]
            ? 1
            : 0;
      }
      const bonus = matchBonus(numbers, n, nr, c);
      const overall = overallOf(numbers.score, numbers.direct, numbers, required, strategy, bonus, c);
      out[k - from] = overall;
      bar?.push(overall);
    }
  };
}

/** `buffer` if it holds `n` values, else a new one of at least twice its length: scratch that grows a few
 * times per call (log2 of the longest candidate list), never once per candidate. */
function int32AtLeast(buffer: Int32Array, n: number): Int32Array {
  return buffer.length >= n ? buffer : new Int32Array(Math.max(n, 2 * buffer.length));
}

/** As int32AtLeast, for Float64Array scratch. */
function float64AtLeast(buffer: Float64Array, n: number): Float64Array {
  return buffer.length >= n ? buffer : new Float64Array(Math.max(n, 2 * buffer.length));
}
