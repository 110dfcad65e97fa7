import type { Skill } from "../core/types.js";
import type { Issue } from "../errors.js";
import type { Limits, RankCandidate } from "../matcher-types.js";
import { cleanCandidateList, validateSkills } from "./validate-skills.js";

/**
 * Validates rank candidates: an array of at most `maxRankCandidates` `{ id: non-empty string, skills }`.
 * Pushes every problem onto `issues` and returns the ids and clean skill lists, index-aligned (meaningful
 * only when no issue was added).
 */
export function validateRankCandidates(
  candidates: unknown,
  limits: Limits,
  issues: Issue[],
): { ids: string[]; lists: (readonly Skill[])[] } {
  const ids: string[] = [];
  const lists: (readonly Skill[])[] = [];
  if (!Array.isArray(candidates)) {
    issues.push({
      code: "invalid_type",
      path: ["candidates"],
      message: `candidates must be an array, got ${typeof candidates}`,
    });
    return { ids, lists };
  }
  if (candidates.length > limits.maxRankCandidates) {
    issues.push({
      code: "too_many",
      path: ["candidates"],
      message: `at most ${limits.maxRankCandidates} candidates allowed, got ${candidates.length}`,
    });
    return { ids, lists };
  }
  for (let k = 0; k < candidates.length; k++) {
    const candidate = candidates[k] as Partial<RankCandidate> | undefined;
    const id = candidate?.id;
    if (typeof id !== "string" || id === "") {
      issues.push({
        code: "invalid_type",
        path: ["candidates", k, "id"],
        message: `id must be a non-empty string, got ${JSON.stringify(id)}`,
      });
    }
    ids.push(id as string);
    // The issue path is built only for a list that is not already clean.
    const skills = candidate?.skills;
    lists.push(
      cleanCandidateList(skills, limits) ??
        validateSkills(skills, ["candidates", k, "skills"], limits, false, issues),
    );
  }
  return { ids, lists };
}
