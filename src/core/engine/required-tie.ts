import type { RequiredInput } from "./engine-types.js";

/** Tie-break key for required skills with the same name and level: weight, then must-have. */
export function requiredTie(required: RequiredInput): Float64Array {
  const n = required.weights.length;
  const tie = new Float64Array(n);
  for (let i = 0; i < n; i++) tie[i] = required.weights[i]! * 2 + required.mustHave[i]!;
  return tie;
}
