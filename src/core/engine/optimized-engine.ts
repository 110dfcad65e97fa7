import { betaMean } from "../beta/beta-mean.js";
import { betaAlpha, betaBeta } from "../beta/beta-shape.js";
import { betaVariance } from "../beta/beta-variance.js";
import { RELATION_ALIAS, RELATION_EXACT, RELATION_NONE } from "../lexicon/lexicon-relation.js";
import { beatsBest } from "../scoring/beats-best.js";
import { calibrateCosine } from "../scoring/calibrate-cosine.js";
import { domainPenalty } from "../scoring/domain-penalty.js";
import { effectiveSimilarity } from "../scoring/effective-similarity.js";
import { levelRatio } from "../scoring/level-ratio.js";
import { lexicalSimilarity, RELATION_EMBEDDING } from "../scoring/lexical-similarity.js";
import { isDirectEvidence } from "../scoring/must-have.js";
import { pairScore } from "../scoring/pair-score.js";
import type { IncludeOption, Strategy } from "../types.js";
import { dot } from "../vector/dot.js";
import { assembleResult } from "./assemble-result.js";
import { canonicalOrder } from "./canonical-order.js";
import { createSkillNumbers } from "./create-skill-numbers.js";
import type { Engine, EngineContext, EngineInput, EngineOptions, SkillNumbers } from "./engine-types.js";
import { matchBonus, overallOf } from "./overall-score.js";
import { createPairMemo } from "./pair-memo.js";
import { requiredTie } from "./required-tie.js";
import { createShapeTables, type ShapeTables } from "./shape-tables.js";

/**
 * The optimized engine: the reference engine's model over flat typed arrays. Candidates are grouped by
 * Beta shape (level ratio), so a mixture over 100 skills costs a handful of table reads per grid point;
 * no matrix, no per-pair object, and scratch buffers live as long as the engine.
 */
const NO_INCLUDE: readonly IncludeOption[] = [];
const NO_META = { engine: "optimized", embedder: "", lexiconVersion: "", configHash: "" } as const;

export function createOptimizedEngine(ctx: EngineContext): Engine {
  const c = ctx.config;
  const tables = createShapeTables(c.betaConcentration, c.quantileGridSize, c.conservativeLevelQuantile);
  const out = new Float64Array(1);
  const memo = createPairMemo();
  let cap = 0;
  let groupOf = new Int32Array(0);
  let groupRatio = new Float64Array(0);
  let groupWeight = new Float64Array(0);
  let groupExceed = new Float64Array(0);
  let groupLevel = new Float64Array(0);
  let groupTable: (Float64Array | null)[] = [];
  /** Interval quantiles, written by `quantile` (a returned double would be boxed when not inlined). */
  const qOut = new Float64Array(2);

  function ensure(n: number): void {
    if (n <= cap) return;
    cap = Math.max(n, cap * 2, 16);
    groupOf = new Int32Array(cap);
    groupRatio = new Float64Array(cap);
    groupWeight = new Float64Array(cap);
    groupExceed = new Float64Array(cap);
    groupLevel = new Float64Array(cap);
    groupTable = new Array<Float64Array | null>(cap).fill(null);
  }

  /** Per-skill numbers; intervals only when `withIntervals` (ranking needs scores alone). */
  function computeNumbers(input: EngineInput, options: EngineOptions, withIntervals: boolean): SkillNumbers {
    const { candidate, required, dim } = input;
    const nc = candidate.names.length;
    const nr = required.names.length;
    const aggressive = options.strategy === "aggressive";
    const conservative = options.strategy === "conservative";
    const gamma = c.mixtureSimilarityExponent;
    const tau = c.similarityThreshold;
    ensure(nc);
    const candOrder = canonicalOrder(candidate.norms, candidate.names, candidate.ratios);
    const numbers = createSkillNumbers(
      nr,
      nc,
      canonicalOrder(required.norms, required.names, required.ratios, requiredTie(required)),
      options.include,
    );

    // Group candidates by Beta shape, in canonical order of first appearance.
    let groups = 0;
    for (let k = 0; k < nc; k++) {
      const j = candOrder[k]!;
      const r = candidate.ratios[j]!;
      let g = 0;
      while (g < groups && groupRatio[g] !== r) g++;
      if (g === groups) {
        groupRatio[groups] = r;
        groupTable[groups] = tables.table(r);
        // Conservative reads the candidate's level at the lower quartile of its Beta.
        groupLevel[groups++] = conservative ? tables.quantile(r) : r;
      }
      groupOf[j] = g;
    }

    for (let i = 0; i < nr; i++) {
      const t = required.ratios[i]!;
      const reqRow = required.rows[i]!;
      const reqLex = required.lexIndex[i]!;
      const reqNorm = required.norms[i]!;
      const reqDomain = required.domains[i]!;
      const reqId = required.ids[i]!;
      for (let g = 0; g < groups; g++) {
        groupWeight[g] = 0;
        groupExceed[g] = t > 0 ? 1 - tables.cdfAt(groupLevel[g]!, t) : 1;
      }
      let best = -1;
      let bestScore = -1;
      let bestSim = 0;
      let bestCode = RELATION_NONE;
      let bestDirect = 0;
      let mostSimilar = -1;
      let maxSim = -1;
      let total = 0;
      for (let k = 0; k < nc; k++) {
        const j = candOrder[k]!;
        const slot = memo.find(candidate.ids[j]!, reqId);
        let code: number;
        let e: number;
        if (slot >= 0) {
          code = memo.code(slot);
          e = memo.similarity(slot);
        } else {
          code = lexicalSimilarity(
            ctx.lexicon,
            candidate.lexIndex[j]!,
            reqLex,
            candidate.norms[j]!,
            reqNorm,
            c,
            out,
          );
          e = out[0]!;
          // Curated lexicon relations already know the domains; only embedding evidence pays the penalty.
          if (code === RELATION_EMBEDDING) {
            e = Math.max(
              e,
              effectiveSimilarity(
                calibrateCosine(dot(dim, candidate.rows[j]!, 0, reqRow, 0), c),
                domainPenalty(candidate.domains[j]!, reqDomain),
              ),
            );
          }
          memo.store(candidate.ids[j]!, reqId, e, code);
        }
        const near = code === RELATION_EXACT || code === RELATION_ALIAS || e > c.nearIdenticalThreshold;
        const g = groupOf[j]!;
        const r = groupLevel[g]!;
        const p = pairScore(e, near, levelRatio(r, t), groupExceed[g]!, r, aggressive, c);
        if (code === RELATION_EMBEDDING && e < tau) code = RELATION_NONE;
        if (p > bestDirect && isDirectEvidence(code, e, c)) bestDirect = p;
        if (beatsBest(p, e, code, bestScore, bestSim, bestCode)) {
          best = j;
          bestScore = p;
          bestSim = e;
          bestCode = code;
        }
        if (e > maxSim) {
          mostSimilar = j;
          maxSim = e;
        }
        if (e >= tau) {
          const w = e ** gamma;
          groupWeight[g]! += w;
          total += w;
        }
        if (numbers.similarities !== null) numbers.similarities[i * nc + j] = e;
        if (numbers.pairScores !== null) numbers.pairScores[i * nc + j] = p;
      }
      if (total === 0) {
        groupWeight[groupOf[best]!] = 1;
        total = 1;
      }
      numbers.best[i] = best;
      numbers.score[i] = bestScore;
      numbers.bestSimilarity[i] = bestSim;
      numbers.direct[i] = bestDirect;
      numbers.bestRelation[i] = bestCode;
      numbers.maxSimilarity[i] = maxSim;
      numbers.domainAgrees[i] = maxSim >= tau && candidate.domains[mostSimilar] === reqDomain ? 1 : 0;
      if (withIntervals) mixtureInterval(i, groups, total, bestScore, numbers, tables);
    }
    return numbers;
  }

  function score(input: EngineInput, options: EngineOptions) {
    return assembleResult(input, computeNumbers(input, options, true), options, c);
  }

  function overall(input: EngineInput, strategy: Strategy): number {
    const numbers = computeNumbers(input, { strategy, include: NO_INCLUDE, meta: NO_META }, false);
    const bonus = matchBonus(numbers, input.candidate.names.length, input.required.names.length, c);
    return overallOf(numbers.score, numbers.direct, numbers, input.required, strategy, bonus, c);
  }

  /** Moments and grid quantiles of the shape-grouped mixture, scaled onto the skill's score. */
  function mixtureInterval(
    i: number,
    groups: number,
    total: number,
    score: number,
    numbers: SkillNumbers,
    tb: ShapeTables,
  ): void {
    let mean = 0;
    let second = 0;
    for (let g = 0; g < groups; g++) {
      const w = groupWeight[g]! / total;
      groupWeight[g] = w;
      if (w === 0) continue;
      const a = betaAlpha(groupRatio[g]!, c.betaConcentration);
      const b = betaBeta(groupRatio[g]!, c.betaConcentration);
      const mu = betaMean(a, b);
      mean += w * mu;
      second += w * (betaVariance(a, b) + mu * mu);
    }
    const varX = Math.max(second - mean * mean, 0);
    quantile(c.intervalLowerQuantile, groups, tb, 0);
    quantile(c.intervalUpperQuantile, groups, tb, 1);
    const qLow = qOut[0]!;
    const qHigh = qOut[1]!;
    numbers.variance[i] = (score * score * varX) / (mean * mean);
    const lower = (score * qLow) / mean;
    const upper = (score * qHigh) / mean;
    numbers.lower[i] = Math.min(lower, score);
    numbers.upper[i] = upper > score ? Math.min(upper, 1) : score;
  }

  function mixtureCdf(k: number, groups: number, tb: ShapeTables): number {
    let f = 0;
    for (let g = 0; g < groups; g++) {
      const w = groupWeight[g]!;
      if (w === 0) continue;
      // Read the group's table directly; only a missing entry calls out (and fills it).
      const t = groupTable[g]!;
      let v = t === null ? Number.NaN : t[k]!;
      if (Number.isNaN(v)) v = tb.gridCdf(groupRatio[g]!, k);
      f += w * v;
    }
    return f;
  }

  function quantile(q: number, groups: number, tb: ShapeTables, slot: number): void {
    const grid = c.quantileGridSize;
    let lo = 1;
    let hi = grid;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (mixtureCdf(mid, groups, tb) >= q) hi = mid;
      else lo = mid + 1;
    }
    const fPrev = lo === 1 ? 0 : mixtureCdf(lo - 1, groups, tb);
    const f = mixtureCdf(lo, groups, tb);
    qOut[slot] = (lo - 1 + (f > fPrev ? (q - fPrev) / (f - fPrev) : 0)) / grid;
  }

  return { name: "optimized", score, overall };
}
