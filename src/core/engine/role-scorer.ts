import { combineOverall } from "../scoring/combine-overall.js";
import type { ScoringConfig } from "../scoring/scoring-config.js";
import type { Strategy } from "../types.js";
import { canonicalOrder } from "./canonical-order.js";
import { canonicalOrderOfNames } from "./canonical-order-of-names.js";
import { clearEvidence } from "./clear-evidence.js";
import { createSkillNumbers } from "./create-skill-numbers.js";
import type { RequiredInput, RoleScorer, SideInput, SkillNumbers } from "./engine-types.js";
import { createKthBest, type KthBest } from "./kth-best.js";
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
 *
 * The scorer's state, with its loop as a method, is kept by the engine with the role's tables (see
 * optimized-engine.ts) and given each call's required skills. Not a closure made per call: V8 compiled each
 * new closure's loop afresh (twice, ~20–30 ms each, as a function and on stack replacement), so most of a
 * 20,000-candidate call ran in baseline code meanwhile. Nor a new object per call: optimised code checks the
 * maps of the objects it reads, and the map of an object that no longer exists is collected with it, taking
 * the optimised loop along at the next full collection.
 */
export class RoleScoring {
  private readonly c: ScoringConfig;
  private readonly strategy: Strategy;
  private readonly nr: number;
  private readonly evidence: RoleTables["evidence"];
  private readonly shapes: RoleTables["shapes"];
  private readonly pairScores: RoleTables["pairScores"];
  private readonly lookups: RoleTables["lookups"];
  private readonly aggressive: boolean;
  private readonly conservative: boolean;
  /** pairScore's no-evidence ceiling: unlisted pairs score at most this. */
  private readonly band: number;
  private readonly bonusBound: number;
  private readonly bound: Float64Array;
  private readonly allMet: Float64Array;
  private readonly mostSimilar: Int32Array;
  private readonly rowScores: Float64Array;
  private readonly bar: KthBest = createKthBest(1);
  // Scratch that grows a few times per call (log2 of the longest candidate list), never once per candidate.
  private candOrder: Int32Array = new Int32Array(16);
  private rowAt: Int32Array = new Int32Array(16);
  private entryAt: Int32Array = new Int32Array(16);
  private shapeAt: Int32Array = new Int32Array(16);
  private exact: Float64Array;

  /** @param nr how many required skills the role has (its tables are kept per required names) */
  constructor(c: ScoringConfig, role: RoleTables, nr: number, strategy: Strategy) {
    this.c = c;
    this.strategy = strategy;
    this.nr = nr;
    this.evidence = role.evidence;
    this.shapes = role.shapes;
    this.pairScores = role.pairScores;
    this.lookups = role.lookups;
    this.aggressive = strategy === "aggressive";
    this.conservative = strategy === "conservative";
    this.band = c.severePenalty * (1 - c.penaltyLevelShare) + c.noEvidenceLevelSpread;
    this.bonusBound = Math.max(c.coherenceBonusMin, c.coherenceBonusMax, 0);
    this.bound = new Float64Array(nr);
    this.allMet = new Float64Array(nr).fill(Number.POSITIVE_INFINITY);
    this.mostSimilar = new Int32Array(nr);
    this.rowScores = new Float64Array(nr);
    this.exact = new Float64Array(16 * Math.max(nr, 1));
  }

  /**
   * A scorer of `required`, whose names and levels are the role tables' (weights and must-haves may differ
   * from call to call). What depends on `required` goes to the loop as arguments rather than fields: the
   * optimised loop relies on what it saw of this object's fields, and a field written per call undid it.
   */
  scorerFor(required: RequiredInput): RoleScorer {
    const order = canonicalOrder(required.norms, required.names, required.ratios, requiredTie(required));
    const numbers = createSkillNumbers(this.nr, 0, order, NO_INCLUDE);
    // The batch's arrays go in one by one too: a batch is an object of the call, and when the last one was
    // collected its shape went with it, and the loop compiled against that shape with it (every other call
    // of `npm run bench:rank`, which collects between calls).
    return (batch, from, to, topK, out, above) =>
      this.score(
        batch.names,
        batch.index,
        batch.start,
        batch.ratios,
        from,
        to,
        topK,
        out,
        above,
        required,
        order,
        numbers,
      );
  }

  /** Pair scores of evidence row `row` at shape `shape` into `out` from `at` on. */
  private scoreRow(required: RequiredInput, row: number, shape: number, out: Float64Array, at: number): void {
    const { nr, shapes, evidence } = this;
    pairScoreRow(
      evidence.similarity,
      evidence.code,
      row * nr,
      nr,
      shapes.level[shape]!,
      required.ratios,
      shapes.exceed,
      shape * nr,
      this.aggressive,
      this.c,
      out,
      at,
    );
  }

  /**
   * Grows the per-skill scratch to at least `n` (at least doubling), a few times per call (log2 of the longest
   * list). The loop reads the new arrays back from the fields; it never writes a field itself, because V8
   * dropped the optimised loop at its first field store after the loop, in every call.
   */
  private growScratch(n: number): void {
    const size = Math.max(n, 2 * this.candOrder.length);
    this.candOrder = new Int32Array(size);
    this.rowAt = new Int32Array(size);
    this.entryAt = new Int32Array(size);
    this.shapeAt = new Int32Array(size);
  }

  private growExact(n: number): Float64Array {
    this.exact = new Float64Array(Math.max(n, 2 * this.exact.length));
    return this.exact;
  }

  private score(
    names: SideInput,
    index: Int32Array,
    start: Int32Array,
    ratios: Float64Array,
    from: number,
    to: number,
    topK: number,
    out: Float64Array,
    above: number,
    required: RequiredInput,
    order: Int32Array,
    numbers: SkillNumbers,
  ): void {
    const { c, nr, evidence, shapes, pairScores, lookups, strategy } = this;
    const { conservative, band, bonusBound, bound, allMet, mostSimilar, rowScores } = this;
    const tau = c.similarityThreshold;
    let { candOrder, rowAt, entryAt, shapeAt, exact } = this;
    // Row number, and score entry of each of the first few shapes, of each name (-1 until looked up): most
    // skills then cost two reads of small typed arrays.
    lookups.fit(names);
    const { rowOf, entryOf } = lookups;
    const bar = topK < to - from ? this.bar.reset(topK) : null;
    const bounded = bar !== null || above > Number.NEGATIVE_INFINITY;
    for (let k = from; k < to; k++) {
      const at = start[k]!;
      const n = start[k + 1]! - at;
      if (n > candOrder.length) {
        this.growScratch(n);
        candOrder = this.candOrder;
        rowAt = this.rowAt;
        entryAt = this.entryAt;
        shapeAt = this.shapeAt;
      }
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
          // A row without evidence lists no pair at any shape: no entry to score, find or keep.
          if (evidence.evident[row] === 0) entry = NO_PAIRS;
          else {
            entry = pairScores.find(row, shape);
            if (entry < 0) {
              this.scoreRow(required, row, shape, rowScores, 0);
              entry = pairScores.add(row, shape, rowScores, 0, band);
            }
            if (pairScores.listed[entry] === 0) entry = NO_PAIRS;
          }
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
      if (n * nr > exact.length) exact = this.growExact(n * nr);
      for (let s = 0; s < n; s++) {
        const row = rowOf[index[at + s]!]!;
        rowAt[s] = row * nr;
        this.scoreRow(required, row, shapeAt[s]!, exact, s * nr);
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
  }
}
