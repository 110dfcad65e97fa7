import type { RequiredSkill, Skill } from "../core/types.js";
import type { Issue } from "../errors.js";
import type { Limits } from "../matcher-types.js";

type Path = readonly (string | number)[];

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return String(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Validates a skill list from any source (library call, file, request body): a JSON array of skills or
 * `{ "skills": [...] }`. Pushes every problem onto `issues` with its path and the bad value, and returns
 * the clean list (meaningful only when no issue was added; the input array itself when every skill is
 * already clean, so callers must not mutate it). Extra keys are ignored.
 */
export function validateSkills(
  value: unknown,
  path: Path,
  limits: Limits,
  required: boolean,
  issues: Issue[],
): RequiredSkill[] {
  let list = value;
  let listPath = path;
  if (isRecord(value) && "skills" in value) {
    list = value.skills;
    listPath = [...path, "skills"];
  }
  if (!Array.isArray(list)) {
    issues.push({
      code: "invalid_type",
      path: listPath,
      message: `expected an array of skills or { "skills": [...] }, got ${describe(list)}`,
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
  while (clean < list.length && isCleanSkill(list[clean], limits, required)) clean++;
  if (clean === list.length) return list as RequiredSkill[];
  const out: RequiredSkill[] = new Array(list.length);
  for (let i = 0; i < clean; i++) out[i] = list[i] as RequiredSkill;
  for (let i = clean; i < list.length; i++) {
    const item: unknown = list[i];
    // Fast path for the common case: a clean skill is used as given, with no copy and no path arrays.
    const skill = isCleanSkill(item, limits, required)
      ? item
      : validateSkill(item, [...listPath, i], limits, required, issues);
    if (skill !== null) out[i] = skill;
  }
  return out;
}

function isCleanSkill(item: unknown, limits: Limits, required: boolean): item is RequiredSkill {
  if (!isRecord(item)) return false;
  const { name, level } = item;
  if (typeof name !== "string" || name.length === 0 || name.length > limits.maxNameLength) return false;
  if (name.charCodeAt(0) <= 32 || name.charCodeAt(name.length - 1) <= 32 || name.trim() !== name)
    return false;
  if (!isRecord(level)) return false;
  const { value, max } = level;
  if (typeof value !== "number" || typeof max !== "number" || !Number.isFinite(max) || !(max >= 1))
    return false;
  if (!Number.isFinite(value) || value < 0 || value > max) return false;
  if (!required) return true;
  const { weight, mustHave } = item;
  if (weight !== undefined && !(typeof weight === "number" && Number.isFinite(weight) && weight > 0))
    return false;
  return mustHave === undefined || typeof mustHave === "boolean";
}

function validateSkill(
  item: unknown,
  path: Path,
  limits: Limits,
  required: boolean,
  issues: Issue[],
): RequiredSkill | null {
  if (!isRecord(item)) {
    issues.push({
      code: "invalid_type",
      path,
      message: `expected a skill object { name, level }, got ${describe(item)}`,
    });
    return null;
  }
  const before = issues.length;
  const name = item.name;
  if (typeof name !== "string") {
    issues.push({
      code: "invalid_type",
      path: [...path, "name"],
      message: `name must be a string, got ${describe(name)}`,
    });
  } else if (name.trim() === "") {
    issues.push({
      code: "blank",
      path: [...path, "name"],
      message: `name must not be blank, got ${describe(name)}`,
    });
  } else if (name.trim().length > limits.maxNameLength) {
    issues.push({
      code: "too_long",
      path: [...path, "name"],
      message: `name must be at most ${limits.maxNameLength} characters, got ${name.trim().length}`,
    });
  }
  const level = item.level;
  let value = Number.NaN;
  let max = Number.NaN;
  if (!isRecord(level)) {
    issues.push({
      code: "invalid_type",
      path: [...path, "level"],
      message: `level must be an object { value, max }, got ${describe(level)}`,
    });
  } else {
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
      if (Number.isFinite(weight) && !(weight > 0)) {
        issues.push({
          code: "out_of_range",
          path: [...path, "weight"],
          message: `weight must be > 0, got ${weight}`,
        });
      }
    }
    if (item.mustHave !== undefined) {
      if (typeof item.mustHave !== "boolean") {
        issues.push({
          code: "invalid_type",
          path: [...path, "mustHave"],
          message: `mustHave must be a boolean, got ${describe(item.mustHave)}`,
        });
      } else mustHave = item.mustHave;
    }
  }
  if (issues.length > before) return null;
  const skill: { name: string; level: { value: number; max: number }; weight?: number; mustHave?: boolean } =
    {
      name: (name as string).trim(),
      level: { value, max },
    };
  if (weight !== undefined) skill.weight = weight;
  if (mustHave !== undefined) skill.mustHave = mustHave;
  return skill;
}

function checkNumber(value: unknown, path: Path, issues: Issue[]): number {
  if (typeof value !== "number") {
    issues.push({ code: "invalid_type", path, message: `must be a number, got ${describe(value)}` });
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
