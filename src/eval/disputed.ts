import { CompetencyError, type Issue } from "../errors.js";
import type { DisputedCase, QualityCase } from "./types.js";

/**
 * Validates a disputed-case list: a JSON array of `{ "id": string, "reason": string }` objects (no other
 * keys), each id unique and each reason at least 10 characters long.
 *
 * @param source - named in the error message (a file path)
 * @throws CompetencyError SCHEMA_MISMATCH listing every issue
 */
export function parseDisputed(data: unknown, source = "disputed"): DisputedCase[] {
  const issues: Issue[] = [];
  const out: DisputedCase[] = [];
  if (!Array.isArray(data)) {
    issues.push({ code: "invalid_type", path: [], message: "must be a JSON array of { id, reason }" });
  } else {
    const seen = new Set<string>();
    data.forEach((entry: unknown, i: number) => {
      if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
        issues.push({ code: "invalid_type", path: [i], message: "must be an object { id, reason }" });
        return;
      }
      const { id, reason, ...rest } = entry as Record<string, unknown>;
      for (const key of Object.keys(rest))
        issues.push({ code: "unknown_key", path: [i, key], message: `unknown key "${key}"` });
      if (typeof id !== "string" || id.length === 0)
        issues.push({ code: "invalid_type", path: [i, "id"], message: "id must be a non-empty string" });
      else if (seen.has(id))
        issues.push({ code: "unknown_value", path: [i, "id"], message: `duplicate id "${id}"` });
      if (typeof reason !== "string" || reason.trim().length < 10)
        issues.push({
          code: "invalid_type",
          path: [i, "reason"],
          message: "reason must be a string of at least 10 characters",
        });
      if (typeof id === "string" && typeof reason === "string") {
        seen.add(id);
        out.push({ id, reason });
      }
    });
  }
  if (issues.length > 0) {
    const first = issues[0] as Issue;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
    throw new CompetencyError(
      "SCHEMA_MISMATCH",
      `${source}: ${[...first.path].join(".")}: ${first.message}${more}`,
      {
        details: { issues },
      },
    );
  }
  return out;
}

/**
 * Splits `cases` into the scored ones and the disputed ones (in disputed-list order).
 *
 * @throws CompetencyError SCHEMA_MISMATCH when a disputed id names no case
 */
export function splitDisputed(
  cases: readonly QualityCase[],
  disputed: readonly DisputedCase[],
): { scored: QualityCase[]; disputed: DisputedCase[] } {
  const ids = new Set(cases.map((c) => c.id));
  const unknown = disputed.filter((d) => !ids.has(d.id));
  if (unknown.length > 0) {
    throw new CompetencyError(
      "SCHEMA_MISMATCH",
      `disputed: no case with id ${unknown.map((d) => JSON.stringify(d.id)).join(", ")}`,
      {
        details: {
          issues: unknown.map((d) => ({ code: "unknown_value", path: [d.id], message: "no such case" })),
        },
      },
    );
  }
  const out = new Set(disputed.map((d) => d.id));
  return { scored: cases.filter((c) => !out.has(c.id)), disputed: [...disputed] };
}
