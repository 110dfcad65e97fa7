import type { z } from "zod";
import { formatPath, type Issue, type IssueCode } from "../errors.js";

/** Short rendering of a bad value for messages: strings quoted and cut at 40 characters. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === "object") return "an object";
  return String(value);
}

function codeOf(issue: z.core.$ZodIssue): IssueCode {
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "array") return "empty";
      return issue.origin === "string" ? "blank" : "out_of_range";
    case "too_big":
      if (issue.origin === "array") return "too_many";
      return issue.origin === "string" ? "too_long" : "out_of_range";
    case "unrecognized_keys":
      return "unknown_key";
    case "invalid_value":
      return "unknown_value";
    case "custom":
      return "out_of_range";
    default:
      return "invalid_type";
  }
}

function messageOf(issue: z.core.$ZodIssue, where: string): string {
  const got = "input" in issue ? `, got ${describeValue(issue.input)}` : "";
  switch (issue.code) {
    case "invalid_type":
      return `${where}: expected ${issue.expected}${got}`;
    case "custom":
      return `${where}: ${issue.message}`; // refinements write their own message with the values
    default:
      return `${where}: ${issue.message}${got}`;
  }
}

/** Maps zod issues to our Issue list; every message names the path and quotes the bad value. */
export function zodIssuesToIssues(issues: readonly z.core.$ZodIssue[]): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    const path = issue.path.map((p) => (typeof p === "number" ? p : String(p)));
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        out.push({
          code: "unknown_key",
          path: [...path, key],
          message: `${formatPath([...path, key])}: unknown key ${JSON.stringify(key)}`,
        });
      }
      continue;
    }
    out.push({ code: codeOf(issue), path, message: messageOf(issue, formatPath(path)) });
  }
  return out;
}
