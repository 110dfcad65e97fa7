/**
 * The page's validation: the service's own request validator (src/validate/validate-request.ts, pure, no
 * Node imports), so the page shows exactly the codes and `path: message` texts a 400 would carry.
 */
import type { Issue } from "../errors.js";
import {
  validateMatchRequest as validateMatchBody,
  validateRankRequest,
} from "../validate/validate-request.js";

export type { Issue };

/** A role that always validates, so that only the candidates' own issues are reported. */
const PLACEHOLDER_ROLE = [{ name: "placeholder", level: { value: 1, max: 1 } }];

/** Issues of a `/v1/match` body (`candidateSkills`, `requiredSkills`, `strategy`); empty when valid. */
export function validateMatchRequest(body: {
  candidateSkills: unknown;
  requiredSkills: unknown;
  strategy?: unknown;
}): Issue[] {
  const v = validateMatchBody(body);
  return v.ok ? [] : [...v.issues];
}

/** Issues of rank candidates `{ id, skills }`, with paths `candidates[i]…` as `/v1/rank` reports them. */
export function validateCandidates(candidates: readonly { id: unknown; skills: unknown }[]): Issue[] {
  const v = validateRankRequest({ requiredSkills: PLACEHOLDER_ROLE, candidates });
  return v.ok ? [] : [...v.issues];
}

/** The one-line message the service puts on a 400: the first issue and how many more. */
export function summarizeIssues(issues: readonly Issue[]): string {
  const first = issues[0];
  if (first === undefined) return "";
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  return `invalid input: ${first.message}${more}`;
}
