import type { Issue } from "../errors.js";
import { describeValue } from "./describe-value.js";

/** Keys that could reach an object's prototype chain if a later step copied with Object.assign or merge. */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Reports prototype keys (forbidden_key) always, and keys outside `allowed` (unknown_key) when `strict`.
 * Reads own keys only, as JSON.parse creates them (a parsed `"__proto__"` key is an own property).
 */
export function checkKeys(
  object: Record<string, unknown>,
  allowed: readonly string[],
  path: readonly (string | number)[],
  strict: boolean,
  issues: Issue[],
): void {
  for (const key of Object.keys(object)) {
    if (allowed.includes(key)) continue;
    if (PROTOTYPE_KEYS.has(key)) {
      issues.push({
        code: "forbidden_key",
        path: [...path, key],
        message: `the key ${describeValue(key)} is not allowed (prototype keys are refused)`,
      });
    } else if (strict) {
      issues.push({
        code: "unknown_key",
        path: [...path, key],
        message: `unknown key ${describeValue(key)}`,
      });
    }
  }
}
