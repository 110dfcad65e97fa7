import type { Skill } from "../core/types.js";
import type { Issue } from "../errors.js";
import type { Limits, MatchPair } from "../matcher-types.js";
import { validateSkills } from "./validate-skills.js";

/**
 * Validates a batch of pairs: an array of at most `maxPairsPerBatch` `{ candidate, required }`. Pushes every
 * problem onto `issues` and returns the clean lists, candidate then required for each pair (meaningful only
 * when no issue was added).
 */
export function validatePairs(pairs: unknown, limits: Limits, issues: Issue[]): (readonly Skill[])[] {
  if (!Array.isArray(pairs)) {
    issues.push({
      code: "invalid_type",
      path: ["pairs"],
      message: `pairs must be an array, got ${typeof pairs}`,
    });
    return [];
  }
  if (pairs.length > limits.maxPairsPerBatch) {
    issues.push({
      code: "too_many",
      path: ["pairs"],
      message: `at most ${limits.maxPairsPerBatch} pairs allowed, got ${pairs.length}`,
    });
    return [];
  }
  const lists: (readonly Skill[])[] = [];
  pairs.forEach((p: Partial<MatchPair> | undefined, k) => {
    lists.push(validateSkills(p?.candidate, ["pairs", k, "candidate"], limits, false, issues));
    lists.push(validateSkills(p?.required, ["pairs", k, "required"], limits, true, issues));
  });
  return lists;
}
