import { forbiddenNameChar } from "../core/text/forbidden-name-char.js";
import type { RequiredSkill, Skill } from "../core/types.js";
import { MAX_WEIGHT, MIN_WEIGHT } from "../defaults.js";
import type { Issue } from "../errors.js";
import type { Limits } from "../matcher-types.js";
import { checkKeys, isRecord } from "./check-keys.js";
import { describeValue } from "./describe-value.js";

type Path = readonly (string | number)[];

/** How strictly a list is read. The library is lenient; the CLI and HTTP read with `strict: true`. */
export type SkillListMode = {
  /** Report keys a skill or level does not define (unknown_key). @default false */
  readonly strict?: boolean;
  /** Accept `{ "skills": [...] }` besides a bare array. @default true */
  readonly wrapped?: boolean;
};

// The same key sets as comparison chains in onlySkillKeys, onlyRequiredKeys and onlyLevelKeys below.
const SKILL_KEYS = ["name", "level"] as const;
const REQUIRED_KEYS = ["name", "level", "weight", "mustHave"] as const;
const LEVEL_KEYS = ["value", "max"] as const;
const WRAPPER_KEYS = ["skills"] as const;

/**
 * Validates a skill list from any source (library call, file, request body): a JSON array of skills or
 * `{ "skills": [...] }`. Pushes every problem onto `issues` with its path and the bad value, and returns
 * the clean list (meaningful only when no issue was added; the input array itself when every skill is
 * already clean, so callers must not mutate it). Prototype keys (`__proto__`, `constructor`, `prototype`)
 * are always reported; other extra keys only in strict mode.
 */
export function validateSkills(
  value: unknown,
  path: Path,
  limits: Limits,
  required: boolean,
  issues: Issue[],
  mode: SkillListMode = {},
): RequiredSkill[] {
  const strict = mode.strict === true;
  let list = value;
  let listPath = path;
  if (mode.wrapped !== false && isRecord(value) && "skills" in value) {
    checkKeys(value, WRAPPER_KEYS, path, strict, issues);
    list = value.skills;
    listPath = [...path, "skills"];
  }
  if (!Array.isArray(list)) {
    issues.push({
      code: "invalid_type",
      path: listPath,
      message:
        mode.wrapped === false
          ? `expected an array of skills, got ${describeValue(list)}`
          : `expected an array of skills or { "skills": [...] }, got ${describeValue(list)}`,
    });
    return [];
  }
  if (list.length === 0) {
    issues.push({ code: "empty", path: listPath, message: "expected at least one skill, got an empty list" });
    return [];
  }
  if (list.length > limits.maxSkillsPerSide) {
    issues.push({
      code: "too_many",
      path: listPath,
      message: `at most ${limits.maxSkillsPerSide} skills allowed, got ${list.length}`,
    });
    return [];
  }
  // Fast path for the common case: a list of clean skills is used as given, with no copy at all.
  let clean = 0;
  while (clean < list.length && isCleanSkill(list[clean], limits, required, strict)) clean++;
  if (clean === list.length) return list as RequiredSkill[];
  const out: RequiredSkill[] = new Array(list.length);
  for (let i = 0; i < clean; i++) out[i] = list[i] as RequiredSkill;
  for (let i = clean; i < list.length; i++) {
    const item: unknown = list[i];
    // Fast path for the common case: a clean skill is used as given, with no copy and no path arrays.
    const skill = isCleanSkill(item, limits, required, strict)
      ? item
      : validateSkill(item, [...listPath, i], limits, required, strict, issues);
    if (skill !== null) out[i] = skill;
  }
  return out;
}

/**
 * The list itself when it is a non-empty array of at most `maxSkillsPerSide` clean candidate skills (lenient
 * mode), else null: `validateSkills`'s fast path, for callers that build an issue path only when needed.
 */
export function cleanCandidateList(value: unknown, limits: Limits): readonly Skill[] | null {
  if (!Array.isArray(value) || value.length === 0 || value.length > limits.maxSkillsPerSide) return null;
  for (let i = 0; i < value.length; i++) if (!isCleanSkill(value[i], limits, false, false)) return null;
  return value as Skill[];
}

/**
 * The clean checks below run for every skill of a rank call (200,000 in `npm run bench:rank`'s library
 * part), so each key set is a comparison chain rather than `includes` on the lists above: a call per key was
 * about a third of the check's time.
 */
function onlySkillKeys(item: Record<string, unknown>): boolean {
  for (const key in item) if (key !== "name" && key !== "level") return false;
  return true;
}

function onlyRequiredKeys(item: Record<string, unknown>): boolean {
  for (const key in item) {
    if (key !== "name" && key !== "level" && key !== "weight" && key !== "mustHave") return false;
  }
  return true;
}

function onlyLevelKeys(level: Record<string, unknown>): boolean {
  for (const key in level) if (key !== "value" && key !== "max") return false;
  return true;
}

function isCleanSkill(
  item: unknown,
  limits: Limits,
  required: boolean,
  strict: boolean,
): item is RequiredSkill {
  return isCleanShape(item, required, strict) && isCleanName(item.name, limits);
}

/**
 * True when `item` is a clean skill but for the text of its name, which must be a string: keys, types, the
 * level and, for a required skill, weight and mustHave. Ranking checks names apart (`isCleanName`), only
 * for names it has not seen before: a name the matcher already holds passed that check.
 */
export function isCleanShape(item: unknown, required: boolean, strict: boolean): item is RequiredSkill {
  // A parsed "__proto__" key is an own enumerable key, so the key check refuses it like any other key
  // outside the set; the full validation (Object.keys) then reports it as forbidden_key.
  if (!isRecord(item)) return false;
  if (!(strict && !required ? onlySkillKeys(item) : onlyRequiredKeys(item))) return false;
  const { name, level } = item;
  if (typeof name !== "string") return false;
  if (!isRecord(level) || !onlyLevelKeys(level)) return false;
  const { value, max } = level;
  if (typeof value !== "number" || typeof max !== "number" || !Number.isFinite(max) || !(max >= 1))
    return false;
  if (!Number.isFinite(value) || value < 0 || value > max) return false;
  if (!required) return true;
  const { weight, mustHave } = item;
  if (weight !== undefined && !(typeof weight === "number" && weight >= MIN_WEIGHT && weight <= MAX_WEIGHT))
    return false;
  return mustHave === undefined || typeof mustHave === "boolean";
}

/** True when a skill name is used as given: not empty, within `maxNameLength`, trimmed, no control characters. */
export function isCleanName(name: string, limits: Limits): boolean {
  if (name.length === 0 || name.length > limits.maxNameLength) return false;
  // A name that starts and ends with a printable ASCII character cannot change when trimmed, so `trim` runs
  // only for the rest (every skill of a rank call comes here, and most names are plain).
  const first = name.charCodeAt(0);
  const last = name.charCodeAt(name.length - 1);
  if (first <= 32 || last <= 32 || ((first >= 0x7f || last >= 0x7f) && name.trim() !== name)) return false;
  return forbiddenNameChar(name) < 0;
}

function validateName(name: unknown, path: Path, limits: Limits, issues: Issue[]): void {
  if (typeof name !== "string") {
    issues.push({ code: "invalid_type", path, message: `name must be a string, got ${describeValue(name)}` });
  } else if (name.trim() === "") {
    issues.push({ code: "blank", path, message: `name must not be blank, got ${describeValue(name)}` });
  } else if (name.trim().length > limits.maxNameLength) {
    issues.push({
      code: "too_long",
      path,
      message: `name must be at most ${limits.maxNameLength} characters, got ${name.trim().length}`,
    });
  } else {
    const at = forbiddenNameChar(name);
    if (at >= 0) {
      const hex = name.charCodeAt(at).toString(16).toUpperCase().padStart(4, "0");
      issues.push({
        code: "control_character",
        path,
        message: `name must not contain control or bidi-override characters, got U+${hex} at index ${at} in ${describeValue(name)}`,
      });
    }
  }
}

function validateSkill(
  item: unknown,
  path: Path,
  limits: Limits,
  required: boolean,
  strict: boolean,
  issues: Issue[],
): RequiredSkill | null {
  if (!isRecord(item)) {
    issues.push({
      code: "invalid_type",
      path,
      message: `expected a skill object { name, level }, got ${describeValue(item)}`,
    });
    return null;
  }
  const before = issues.length;
  checkKeys(item, required ? REQUIRED_KEYS : SKILL_KEYS, path, strict, issues);
  validateName(item.name, [...path, "name"], limits, issues);
  const level = item.level;
  let value = Number.NaN;
  let max = Number.NaN;
  if (!isRecord(level)) {
    issues.push({
      code: "invalid_type",
      path: [...path, "level"],
      message: `level must be an object { value, max }, got ${describeValue(level)}`,
    });
  } else {
    checkKeys(level, LEVEL_KEYS, [...path, "level"], strict, issues);
    value = checkNumber(level.value, [...path, "level", "value"], issues);
    max = checkNumber(level.max, [...path, "level", "max"], issues);
    if (Number.isFinite(max) && max < 1) {
      issues.push({
        code: "out_of_range",
        path: [...path, "level", "max"],
        message: `level.max must be >= 1, got ${max}`,
      });
    }
    if (Number.isFinite(value) && value < 0) {
      issues.push({
        code: "out_of_range",
        path: [...path, "level", "value"],
        message: `level.value must be >= 0, got ${value}`,
      });
    }
    if (Number.isFinite(value) && Number.isFinite(max) && max >= 1 && value > max) {
      issues.push({
        code: "out_of_range",
        path: [...path, "level", "value"],
        message: `level.value ${value} exceeds level.max ${max}`,
      });
    }
  }
  let weight: number | undefined;
  let mustHave: boolean | undefined;
  if (required) {
    if (item.weight !== undefined) {
      weight = checkNumber(item.weight, [...path, "weight"], issues);
      if (Number.isFinite(weight) && !(weight >= MIN_WEIGHT && weight <= MAX_WEIGHT)) {
        issues.push({
          code: "out_of_range",
          path: [...path, "weight"],
          message: `weight must be in [${MIN_WEIGHT}, ${MAX_WEIGHT}], got ${weight}`,
        });
      }
    }
    if (item.mustHave !== undefined) {
      if (typeof item.mustHave !== "boolean") {
        issues.push({
          code: "invalid_type",
          path: [...path, "mustHave"],
          message: `mustHave must be a boolean, got ${describeValue(item.mustHave)}`,
        });
      } else mustHave = item.mustHave;
    }
  }
  if (issues.length > before) return null;
  const skill: { name: string; level: { value: number; max: number }; weight?: number; mustHave?: boolean } =
    {
      name: (item.name as string).trim(),
      level: { value, max },
    };
  if (weight !== undefined) skill.weight = weight;
  if (mustHave !== undefined) skill.mustHave = mustHave;
  return skill;
}

function checkNumber(value: unknown, path: Path, issues: Issue[]): number {
  if (typeof value !== "number") {
    issues.push({ code: "invalid_type", path, message: `must be a number, got ${describeValue(value)}` });
    return Number.NaN;
  }
  if (!Number.isFinite(value)) {
    issues.push({ code: "not_finite", path, message: `must be a finite number, got ${value}` });
    return Number.NaN;
  }
  return value;
}

/** Narrowing helper for callers that only need plain skills. */
export type { Skill };
