import { betaMean } from "../beta/beta-mean.js";
import { betaAlpha, betaBeta } from "../beta/beta-shape.js";
import { betaVariance } from "../beta/beta-variance.js";
import type { ScoringConfig } from "../scoring/scoring-config.js";
import type { EvidenceGrid, SkillNumbers } from "./engine-types.js";
import type { ShapeGroups } from "./shape-groups.js";
import type { ShapeTables } from "./shape-tables.js";

/** Level ratios whose single-shape quantiles are kept (as many as the shape tables keep). */
const MAX_SINGLE_SHAPES = 256;

/**
 * Credible intervals and variances of every required skill: each skill's candidates form a Beta mixture,
 * weighted by similarity^γ above the floor (all weight on the best evidence when none is above it), and its
 * moments and grid quantiles are scaled onto the skill's score. Reads `numbers.score` and `numbers.best`
 * (from scoreSkills) and writes `lower`, `upper` and `variance`.
 */
export function createMixtureIntervals(
  c: ScoringConfig,
  tables: ShapeTables,
): (candOrder: Int32Array, evidence: EvidenceGrid, groups: ShapeGroups, numbers: SkillNumbers) => void {
  /** Interval quantiles, written by `quantile` (a returned double would be boxed when not inlined). */
  const qOut = new Float64Array(2);
  /**
   * Both interval quantiles of a mixture with one shape, by its level ratio. Most required skills have one
   * candidate skill above the similarity floor, or none (all weight on the best): their mixture is that one
   * Beta with weight exactly 1, so its quantiles are the shape's own. Each costs two binary searches over the
   * shape's grid table, ~20 reads of an 8 KB table that a server's other work has evicted between requests.
   * Bounded like the shape tables; a ratio beyond the bound is searched every time.
   */
  const singleShape = new Map<number, Float64Array>();

  function mixtureCdf(k: number, groups: ShapeGroups): number {
    const { count, weight, table, ratio } = groups;
    let f = 0;
    for (let g = 0; g < count; g++) {
      const w = weight[g]!;
      if (w === 0) continue;
      // Read the group's table directly; only a missing entry calls out (and fills it).
      const t = table[g]!;
      let v = t === null ? Number.NaN : t[k]!;
      if (Number.isNaN(v)) v = tables.gridCdf(ratio[g]!, k);
      f += w * v;
    }
    return f;
  }

  function quantile(q: number, groups: ShapeGroups, slot: number): void {
    const grid = c.quantileGridSize;
    let lo = 1;
    let hi = grid;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (mixtureCdf(mid, groups) >= q) hi = mid;
      else lo = mid + 1;
    }
    const fPrev = lo === 1 ? 0 : mixtureCdf(lo - 1, groups);
    const f = mixtureCdf(lo, groups);
    qOut[slot] = (lo - 1 + (f > fPrev ? (q - fPrev) / (f - fPrev) : 0)) / grid;
  }

  /** Both interval quantiles into qOut: from singleShape when one group has all the weight. */
  function quantiles(groups: ShapeGroups): void {
    const { count, weight, ratio } = groups;
    let only = -1;
    for (let g = 0; g < count; g++) {
      if (weight[g] === 0) continue;
      if (only >= 0) {
        only = -1;
        break;
      }
      only = g;
    }
    // With weight exactly 1 (w / w, or the fallback's 1 / 1) the mixture's CDF is the shape's, bit for bit.
    if (only >= 0 && weight[only] !== 1) only = -1;
    const known = only >= 0 ? singleShape.get(ratio[only]!) : undefined;
    if (known !== undefined) {
      qOut[0] = known[0]!;
      qOut[1] = known[1]!;
      return;
    }
    quantile(c.intervalLowerQuantile, groups, 0);
    quantile(c.intervalUpperQuantile, groups, 1);
    if (only >= 0 && singleShape.size < MAX_SINGLE_SHAPES) singleShape.set(ratio[only]!, qOut.slice());
  }

  /** Normalises the group weights and writes the skill's interval and variance. */
  function interval(i: number, total: number, groups: ShapeGroups, numbers: SkillNumbers): void {
    const { count, weight, ratio } = groups;
    const score = numbers.score[i]!;
    let mean = 0;
    let second = 0;
    for (let g = 0; g < count; g++) {
      const w = weight[g]! / total;
      weight[g] = w;
      if (w === 0) continue;
      const a = betaAlpha(ratio[g]!, c.betaConcentration);
      const b = betaBeta(ratio[g]!, c.betaConcentration);
      const mu = betaMean(a, b);
      mean += w * mu;
      second += w * (betaVariance(a, b) + mu * mu);
    }
    const varX = Math.max(second - mean * mean, 0);
    quantiles(groups);
    numbers.variance[i] = (score * score * varX) / (mean * mean);
    const lower = (score * qOut[0]!) / mean;
    const upper = (score * qOut[1]!) / mean;
    numbers.lower[i] = Math.min(lower, score);
    numbers.upper[i] = upper > score ? Math.min(upper, 1) : score;
  }

  return (candOrder, evidence, groups, numbers) => {
    const nc = candOrder.length;
    const nr = numbers.score.length;
    const gamma = c.mixtureSimilarityExponent;
    const tau = c.similarityThreshold;
    const { weight, slotOf } = groups;
    for (let i = 0; i < nr; i++) {
      for (let g = 0; g < groups.count; g++) weight[g] = 0;
      let total = 0;
      for (let k = 0; k < nc; k++) {
        const j = candOrder[k]!;
        const e = evidence.similarity[evidence.rowBase[j]! + i]!;
        if (e >= tau) {
          const w = e ** gamma;
          weight[slotOf[j]!]! += w;
          total += w;
        }
      }
      if (total === 0) {
        weight[slotOf[numbers.best[i]!]!] = 1;
        total = 1;
      }
      interval(i, total, groups, numbers);
    }
  };
}
