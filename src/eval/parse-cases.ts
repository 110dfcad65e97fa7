import { z } from "zod";
import { CompetencyError, type Issue, type IssueCode } from "../errors.js";
import type { QualityCase } from "./types.js";

/** One fixture file's parsed JSON; `theme` is its file name without `.json`. */
export type CaseFile = { readonly theme: string; readonly data: unknown };

/** JSON Schema of one case (test/fixtures/quality/case.schema.json), already parsed. */
export type CaseSchema = Parameters<typeof z.fromJSONSchema>[0];

const ZOD_TO_ISSUE: Readonly<Record<string, IssueCode>> = {
  too_big: "out_of_range",
  too_small: "out_of_range",
  unrecognized_keys: "unknown_key",
  invalid_value: "unknown_value",
  invalid_format: "unknown_value",
};

/** Checks the rules a JSON Schema cannot express: value <= max, unique labels, unique ids, a grade spread. */
function crossFieldIssues(c: QualityCase, path: readonly (string | number)[], seenIds: Set<string>): Issue[] {
  const issues: Issue[] = [];
  if (seenIds.has(c.id))
    issues.push({ code: "unknown_value", path: [...path, "id"], message: `duplicate case id "${c.id}"` });
  seenIds.add(c.id);
  const levels = [
    ...c.required.map((s, i) => ({ s, at: ["required", i] })),
    ...c.candidates.flatMap((cand, i) =>
      cand.skills.map((s, j) => ({ s, at: ["candidates", i, "skills", j] })),
    ),
  ];
  for (const { s, at } of levels) {
    if (s.level.value > s.level.max) {
      issues.push({
        code: "out_of_range",
        path: [...path, ...at, "level", "value"],
        message: `level value ${s.level.value} exceeds max ${s.level.max}`,
      });
    }
  }
  const labels = new Set<string>();
  c.candidates.forEach((cand, i) => {
    if (labels.has(cand.label)) {
      issues.push({
        code: "unknown_value",
        path: [...path, "candidates", i, "label"],
        message: `duplicate label "${cand.label}"`,
      });
    }
    labels.add(cand.label);
  });
  if (new Set(c.candidates.map((cand) => cand.grade)).size < 2) {
    issues.push({
      code: "unknown_value",
      path: [...path, "candidates"],
      message: "all grades are equal; the case judges nothing",
    });
  }
  return issues;
}

/**
 * Validates fixture files against the case schema and the cross-field rules, and returns every case in file
 * order. Each file must be a JSON array of cases whose `theme` equals the file's theme.
 *
 * @throws CompetencyError SCHEMA_MISMATCH listing every issue (path starts with the theme) when any check fails
 */
export function parseCases(schema: CaseSchema, files: readonly CaseFile[]): QualityCase[] {
  const caseSchema = z.fromJSONSchema(schema);
  const issues: Issue[] = [];
  const cases: QualityCase[] = [];
  const seenIds = new Set<string>();
  for (const file of files) {
    if (!Array.isArray(file.data)) {
      issues.push({
        code: "invalid_type",
        path: [file.theme],
        message: "a fixture file must be a JSON array of cases",
      });
      continue;
    }
    file.data.forEach((raw: unknown, index: number) => {
      const path = [file.theme, index];
      const parsed = caseSchema.safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          issues.push({
            code: ZOD_TO_ISSUE[issue.code] ?? "invalid_type",
            path: [...path, ...issue.path.map((p) => (typeof p === "number" ? p : String(p)))],
            message: issue.message,
          });
        }
        return;
      }
      const c = parsed.data as QualityCase;
      if (c.theme !== file.theme) {
        issues.push({
          code: "unknown_value",
          path: [...path, "theme"],
          message: `theme "${c.theme}" is in file "${file.theme}.json"`,
        });
      }
      issues.push(...crossFieldIssues(c, path, seenIds));
      cases.push(c);
    });
  }
  if (issues.length > 0) {
    const first = issues[0] as Issue;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
    throw new CompetencyError("SCHEMA_MISMATCH", `${first.path.join(".")}: ${first.message}${more}`, {
      details: { issues },
    });
  }
  return cases;
}
