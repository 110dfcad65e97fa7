import type { Skill } from "../core/types.js";
import type { Line } from "../sources/read-lines.js";
import { validateRankLine } from "../validate/validate-request.js";
import type { LineError, WireError } from "./chunk-task.js";
import { lineError, parseLine } from "./parse-line.js";

/** A rank line after parsing and validation: its id (its `id`, else its line number) and skills, or its error. */
export type CheckedRankLine =
  | { readonly ok: true; readonly id: string; readonly skills: readonly Skill[] }
  | { readonly ok: false; readonly error: WireError };

/** Parses and validates one candidate line with the shared request validator (the rules and messages HTTP uses). */
export function checkRankLine(line: Line): CheckedRankLine {
  const p = parseLine(line);
  if (!p.ok) return { ok: false, error: p.error };
  const v = validateRankLine(p.value, line.lineNo);
  if (!v.ok) return { ok: false, error: lineError(v.issues) };
  return { ok: true, id: v.id ?? String(line.lineNo), skills: v.value };
}

/**
 * Checks every line of a chunk, in order: a bad line's error goes to `errors`, and `good` gets each valid
 * line's index, id and skills (it may still reject the line by pushing an error of its own).
 */
export function checkRankLines(
  lines: readonly Line[],
  errors: LineError[],
  good: (k: number, id: string, skills: readonly Skill[]) => void,
): void {
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    const checked = checkRankLine(line);
    if (checked.ok) good(k, checked.id, checked.skills);
    else errors.push({ lineNo: line.lineNo, error: checked.error });
  }
}
