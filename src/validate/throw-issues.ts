import { CompetencyError, type Issue } from "../errors.js";

/**
 * Throws INVALID_INPUT for issues whose messages already carry their location (the shared validators'
 * `path: text` format): the error message is the first one, plus a count of the rest. Returns when empty.
 */
export function throwIssues(issues: readonly Issue[]): void {
  if (issues.length === 0) return;
  const first = issues[0]?.message ?? "invalid input";
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  throw new CompetencyError("INVALID_INPUT", `${first}${more}`, { details: { issues } });
}
