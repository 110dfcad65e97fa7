/**
 * The page's validation, with the service's issue codes and `path: message` texts. The one place the page
 * imports validation from; swap it here when a shared request validator exists.
 */
import {
  MAX_NAME_LENGTH,
  MAX_PAIRS_PER_BATCH,
  MAX_RANK_CANDIDATES,
  MAX_SKILLS_PER_SIDE,
} from "../defaults.js";
import { formatPath, type Issue } from "../errors.js";
import type { Limits } from "../matcher-types.js";
import { validateMatchOptions } from "../validate/validate-match-options.js";
import { validateSkills } from "../validate/validate-skills.js";

const LIMITS: Limits = {
  maxSkillsPerSide: MAX_SKILLS_PER_SIDE,
  maxPairsPerBatch: MAX_PAIRS_PER_BATCH,
  maxNameLength: MAX_NAME_LENGTH,
  maxRankCandidates: MAX_RANK_CANDIDATES,
};

export type { Issue };

/** Prefixes each message with its path, as the service's 400 body does. */
function withPaths(issues: readonly Issue[]): Issue[] {
  return issues.map((issue) => ({ ...issue, message: `${formatPath(issue.path)}: ${issue.message}` }));
}

/** Issues of a `/v1/match` body (`candidateSkills`, `requiredSkills`, `strategy`); empty when valid. */
export function validateMatchRequest(body: {
  candidateSkills: unknown;
  requiredSkills: unknown;
  strategy?: unknown;
}): Issue[] {
  const issues: Issue[] = [];
  validateSkills(body.candidateSkills, ["candidateSkills"], LIMITS, false, issues);
  validateSkills(body.requiredSkills, ["requiredSkills"], LIMITS, true, issues);
  validateMatchOptions({ strategy: body.strategy }, "default", issues);
  return withPaths(issues);
}

/** Issues of rank candidates `{ id, skills }`, with paths `candidates[i]…` as `/v1/rank` reports them. */
export function validateCandidates(candidates: readonly { id: unknown; skills: unknown }[]): Issue[] {
  const issues: Issue[] = [];
  if (candidates.length > MAX_RANK_CANDIDATES) {
    issues.push({
      code: "too_many",
      path: ["candidates"],
      message: `at most ${MAX_RANK_CANDIDATES} candidates allowed, got ${candidates.length}`,
    });
  }
  for (let i = 0; i < candidates.length; i++) {
    const { id, skills } = candidates[i] as { id: unknown; skills: unknown };
    if (typeof id !== "string" || id.length === 0 || id.length > MAX_NAME_LENGTH) {
      issues.push({
        code: typeof id === "string" ? "out_of_range" : "invalid_type",
        path: ["candidates", i, "id"],
        message: `id must be a string of 1 to ${MAX_NAME_LENGTH} characters, got ${JSON.stringify(id)}`,
      });
    }
    validateSkills(skills, ["candidates", i, "skills"], LIMITS, false, issues);
  }
  return withPaths(issues);
}

/** The one-line message the service puts on a 400: the first issue and how many more. */
export function summarizeIssues(issues: readonly Issue[]): string {
  const first = issues[0];
  if (first === undefined) return "";
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  return `invalid input: ${first.message}${more}`;
}
