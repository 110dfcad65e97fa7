import { CompetencyError, type Issue } from "../errors.js";
import type { Line } from "../sources/read-lines.js";
import type { WireError } from "./chunk-task.js";

export type ParsedLine =
  | { readonly ok: true; readonly id: string | undefined; readonly value: unknown }
  | { readonly ok: false; readonly id: string; readonly error: WireError };

/**
 * Parses one NDJSON line as JSON (a BOM on the first line is dropped). Shapes are checked by the shared
 * validators (validateBatchLine, validateRankLine), which give the one `line N: path: text` format.
 */
export function parseLine(line: Line): ParsedLine {
  const text = line.lineNo === 1 && line.text.charCodeAt(0) === 0xfeff ? line.text.slice(1) : line.text;
  try {
    return { ok: true, id: undefined, value: JSON.parse(text) as unknown };
  } catch (cause) {
    const error = new CompetencyError("INVALID_JSON", `line ${line.lineNo}: ${(cause as Error).message}`);
    return { ok: false, id: String(line.lineNo), error: { code: error.code, message: error.message } };
  }
}

/** The wire error of a line that failed validation: the first issue's message, and every issue. */
export function lineError(issues: readonly Issue[]): WireError {
  const first = issues[0]?.message ?? "invalid line";
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  return { code: "INVALID_INPUT", message: `${first}${more}`, issues };
}
