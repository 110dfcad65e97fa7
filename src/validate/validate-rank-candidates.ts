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

/**
 * The ids and skill lists of rank candidates whose outer shape is valid (an array of at most
 * `maxRankCandidates` `{ id: non-empty string, skills: array of 1..maxSkillsPerSide }`), else null. The
 * skills themselves are not checked: ranking checks each one as it reads it (see resolveCandidates).
 */
export function listCandidates(
  candidates: unknown,
  limits: Limits,
): { ids: string[]; lists: (readonly Skill[])[] } | null {
  if (!Array.isArray(candidates) || candidates.length > limits.maxRankCandidates) return null;
  const ids = new Array<string>(candidates.length);
  const lists = new Array<readonly Skill[]>(candidates.length);
  for (let k = 0; k < candidates.length; k++) {
    const candidate = candidates[k] as Partial<RankCandidate> | undefined;
    const id = candidate?.id;
    const skills = candidate?.skills;
    if (typeof id !== "string" || id === "" || !Array.isArray(skills)) return null;
    if (skills.length === 0 || skills.length > limits.maxSkillsPerSide) return null;
    ids[k] = id;
    lists[k] = skills;
  }
  return { ids, lists };
}
