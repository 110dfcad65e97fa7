import { applyCoherenceBonus } from "./coherence-bonus.js";
import { mustHaveCap } from "./must-have.js";
import type { ScoringConfig } from "./scoring-config.js";

/**
 * Combines per-skill values into one overall value: the weighted mean in canonical order (so permuted input
 * gives the same bits), the conservative 0.7·mean + 0.3·min blend, the tapered coherence bonus, and the
 * must-have cap (`mustHaveCap`). Called once for scores and once each for interval ends; every step is monotone, so
 * lower ≤ overall ≤ upper carries over from the skills.
 *
 * @param values per-skill values to combine (scores, lowers or uppers), indexed like `direct`
 * @param direct per-skill best direct-evidence scores, which decide whether a must-have skill caps the result
 * @param order canonical order of the `n` required skills
 */
export function combineOverall(
  n: number,
  order: Int32Array,
  values: Float64Array,
  direct: Float64Array,
  weights: Float64Array,
  mustHave: Uint8Array,
  conservative: boolean,
  bonus: number,
  c: ScoringConfig,
): number {
  let sum = 0;
  let weightSum = 0;
  let min = 1;
  let cap = 1;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const v = values[i]!;
    sum += weights[i]! * v;
    weightSum += weights[i]!;
    if (v < min) min = v;
    if (mustHave[i] === 1) {
      const m = mustHaveCap(v, direct[i]!, c);
      if (m < cap) cap = m;
    }
  }
  const mean = weightSum > 0 ? sum / weightSum : 0;
  let overall = conservative ? c.conservativeMeanWeight * mean + (1 - c.conservativeMeanWeight) * min : mean;
  overall = applyCoherenceBonus(overall, bonus, c);
  // An unmet must-have caps the result below 0.5, keeping a small share of the rest so such candidates
  // still rank among themselves.
  if (cap < 1) {
    const capped = cap + c.mustHaveUnmetShare * overall;
    if (capped < overall) overall = capped;
  }
  return overall <= 0 ? 0 : overall >= 1 ? 1 : overall;
}
