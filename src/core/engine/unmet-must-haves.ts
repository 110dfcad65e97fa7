import type { ScoringConfig } from "../scoring/scoring-config.js";
import type { RequiredInput } from "./engine-types.js";

const NONE: readonly string[] = Object.freeze([]);

/**
 * Names, in input order, of the must-have requirements whose best direct evidence scores below
 * `mustHaveThreshold` (related evidence alone never meets a must-have). Shares one frozen empty list.
 *
 * @param direct best direct-evidence score per required skill
 */
export function unmetMustHaves(
  required: RequiredInput,
  direct: Float64Array,
  c: ScoringConfig,
): readonly string[] {
  let out: string[] | null = null;
  const n = required.names.length;
  for (let i = 0; i < n; i++) {
    if (required.mustHave[i] !== 1 || direct[i]! >= c.mustHaveThreshold) continue;
    out ??= [];
    out.push(required.names[i]!);
  }
  return out ?? NONE;
}
