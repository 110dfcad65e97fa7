import { CompetencyError } from "../errors.js";
import type { Line } from "../sources/read-lines.js";
import type { WireError } from "./chunk-task.js";

export type ParsedLine =
  | { readonly ok: true; readonly id: string | number; readonly value: Record<string, unknown> }
  | { readonly ok: false; readonly id: string | number; readonly error: WireError };

/**
 * Parses one NDJSON line into an object with an `id` (the given string, else the line number).
 * Shapes beyond that are left to the matcher, which validates everything and reports every issue.
 */
export function parseLine(line: Line, idRequired: boolean): ParsedLine {
  let value: unknown;
  try {
    value = JSON.parse(line.text);
  } catch (cause) {
    const error = new CompetencyError("INVALID_JSON", `line ${line.lineNo}: ${(cause as Error).message}`);
    return { ok: false, id: line.lineNo, error: { code: error.code, message: error.message } };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return fail(
      line,
      line.lineNo,
      `line ${line.lineNo}: expected a JSON object, got ${Array.isArray(value) ? "an array" : JSON.stringify(value)}`,
    );
  }
  const record = value as Record<string, unknown>;
  const id = record.id;
  if (id === undefined && !idRequired) return { ok: true, id: line.lineNo, value: record };
  if (typeof id !== "string" || id === "") {
    return fail(
      line,
      line.lineNo,
      `line ${line.lineNo}: id must be a non-empty string, got ${JSON.stringify(id) ?? "undefined"}`,
    );
  }
  return { ok: true, id, value: record };
}

function fail(line: Line, id: string | number, message: string): ParsedLine {
  const error = new CompetencyError("INVALID_INPUT", message, {
    details: { issues: [{ code: "invalid_type", path: ["line", line.lineNo], message }] },
  });
  return { ok: false, id, error: { code: error.code, message: error.message, issues: error.issues } };
}
