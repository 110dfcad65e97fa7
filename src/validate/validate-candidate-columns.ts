import type { Skill } from "../core/types.js";
import type { Issue } from "../errors.js";
import type { CandidateColumns, Limits, RankCandidate } from "../matcher-types.js";
import { isRecord } from "./check-keys.js";
import { describeValue } from "./describe-value.js";
import { validateRankCandidates } from "./validate-rank-candidates.js";

/**
 * True when `columns` is well formed and every candidate is clean but for the text of its names: ids are
 * non-empty strings, each candidate has 1 to `maxSkillsPerSide` skills, every level is valid and every
 * dictionary entry is a string. Ranking checks the names themselves as it looks them up (isCleanName, for
 * names it does not hold yet). No allocation: this runs on every `rankColumns` call.
 */
export function candidateColumnsAreClean(columns: CandidateColumns, limits: Limits): boolean {
  if (!isWellFormed(columns) || columns.ids.length > limits.maxRankCandidates) return false;
  const { ids, start, names, value, max } = columns;
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k];
    if (typeof id !== "string" || id === "") return false;
    const n = start[k + 1]! - start[k]!;
    if (n === 0 || n > limits.maxSkillsPerSide) return false;
  }
  for (let d = 0; d < names.length; d++) if (typeof names[d] !== "string") return false;
  for (let s = 0; s < value.length; s++) {
    const v = value[s]!;
    const m = max[s]!;
    // The rules of isCleanShape: max finite and at least 1, value finite in [0, max].
    if (!Number.isFinite(m) || !(m >= 1) || !Number.isFinite(v) || v < 0 || v > m) return false;
  }
  return true;
}

/**
 * Validates rank candidates given as columns: first their form (each column's type and length, offsets that
 * start at 0 and never go back, dictionary positions in range), reported under `columns.<field>`; then, if
 * the form holds, the candidates themselves, with the rules and paths of `rank` (`candidates[k].skills[s]`).
 * Pushes every problem onto `issues` and returns the ids and clean skill lists as `validateRankCandidates`
 * does (meaningful only when no issue was added; a padded name comes back trimmed).
 */
export function validateCandidateColumns(
  value: unknown,
  limits: Limits,
  issues: Issue[],
): { ids: string[]; lists: (readonly Skill[])[] } {
  const none = { ids: [], lists: [] };
  const before = issues.length;
  if (!isRecord(value)) {
    issues.push({
      code: "invalid_type",
      path: ["columns"],
      message: `columns must be an object { ids, start, names, name, value, max }, got ${describeValue(value)}`,
    });
    return none;
  }
  const c = value as Partial<Record<keyof CandidateColumns, unknown>>;
  const field = (key: keyof CandidateColumns, ok: boolean, expected: string): void => {
    if (!ok)
      issues.push({
        code: "invalid_type",
        path: ["columns", key],
        message: `${key} must be ${expected}, got ${describeColumn(c[key])}`,
      });
  };
  field("ids", Array.isArray(c.ids), "an array of strings");
  field("names", Array.isArray(c.names), "an array of strings");
  field("start", c.start instanceof Int32Array, "an Int32Array");
  field("name", c.name instanceof Int32Array, "an Int32Array");
  field("value", c.value instanceof Float64Array, "a Float64Array");
  field("max", c.max instanceof Float64Array, "a Float64Array");
  if (issues.length > before) return none;
  const columns = value as CandidateColumns;
  const skills = columns.name.length;
  const lengths: [keyof CandidateColumns, number, number][] = [
    ["start", columns.start.length, columns.ids.length + 1],
    ["value", columns.value.length, skills],
    ["max", columns.max.length, skills],
  ];
  for (const [key, got, expected] of lengths)
    if (got !== expected)
      issues.push({
        code: "out_of_range",
        path: ["columns", key],
        message: `${key} must hold ${expected} values (${key === "start" ? "ids.length + 1" : "one per skill, as name"}), got ${got}`,
      });
  if (issues.length > before) return none;
  const { start } = columns;
  for (let k = 0; k < start.length; k++) {
    const at = start[k]!;
    const low = k === 0 ? 0 : start[k - 1]!;
    const bad = k === 0 ? at !== 0 : at < low || at > skills || (k === start.length - 1 && at !== skills);
    if (bad) {
      issues.push({
        code: "out_of_range",
        path: ["columns", "start", k],
        message: `start must begin at 0, never decrease and end at the skill count ${skills}, got ${at} at ${k}`,
      });
      return none;
    }
  }
  for (let s = 0; s < skills; s++) {
    const d = columns.name[s]!;
    if (d < 0 || d >= columns.names.length) {
      issues.push({
        code: "out_of_range",
        path: ["columns", "name", s],
        message: `name must be a position in names (0 to ${columns.names.length - 1}), got ${d}`,
      });
      return none;
    }
  }
  const candidates: RankCandidate[] = columns.ids.map((id, k) => ({
    id,
    skills: skillsOfColumn(columns, k),
  }));
  return validateRankCandidates(candidates, limits, issues);
}

/** The form checks of validateCandidateColumns, as one yes or no. */
function isWellFormed(columns: CandidateColumns): boolean {
  if (!isRecord(columns)) return false;
  const { ids, start, names, name, value, max } = columns;
  if (!Array.isArray(ids) || !Array.isArray(names)) return false;
  if (!(start instanceof Int32Array) || !(name instanceof Int32Array)) return false;
  if (!(value instanceof Float64Array) || !(max instanceof Float64Array)) return false;
  const skills = name.length;
  if (start.length !== ids.length + 1 || value.length !== skills || max.length !== skills) return false;
  if (start[0] !== 0 || start[ids.length] !== skills) return false;
  for (let k = 1; k < start.length; k++) if (start[k]! < start[k - 1]!) return false;
  for (let s = 0; s < skills; s++) if (name[s]! < 0 || name[s]! >= names.length) return false;
  return true;
}

/** Candidate `k` of well-formed `columns` as skill objects. */
export function skillsOfColumn(columns: CandidateColumns, k: number): Skill[] {
  const { start, names, name, value, max } = columns;
  const from = start[k]!;
  const skills = new Array<Skill>(start[k + 1]! - from);
  for (let s = 0; s < skills.length; s++)
    skills[s] = {
      name: names[name[from + s]!] as string,
      level: { value: value[from + s]!, max: max[from + s]! },
    };
  return skills;
}

function describeColumn(value: unknown): string {
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  return describeValue(value);
}
