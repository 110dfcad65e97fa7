import type { Skill } from "../core/types.js";
import type { Line } from "../sources/read-lines.js";
import { validateRankLine } from "../validate/validate-request.js";
import type { WireError } from "./chunk-task.js";
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
