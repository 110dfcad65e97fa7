import type { IncludeOption, Strategy } from "../core/types.js";
import type { Issue } from "../errors.js";

const STRATEGIES: readonly Strategy[] = ["default", "conservative", "aggressive"];
const INCLUDES: readonly IncludeOption[] = ["similarities", "pairwise"];

export type CheckedMatchOptions = {
  readonly strategy: Strategy;
  readonly include: readonly IncludeOption[];
  readonly topK: number;
  /** -Infinity when not given. */
  readonly scoreAbove: number;
};

/** Validates `{ strategy?, include?, topK?, scoreAbove? }`, pushing problems onto `issues`. */
export function validateMatchOptions(
  options: unknown,
  defaultStrategy: Strategy,
  issues: Issue[],
): CheckedMatchOptions {
  const o = (typeof options === "object" && options !== null ? options : {}) as Record<string, unknown>;
  let strategy = defaultStrategy;
  if (o.strategy !== undefined) {
    if (typeof o.strategy === "string" && (STRATEGIES as readonly string[]).includes(o.strategy))
      strategy = o.strategy as Strategy;
    else
      issues.push({
        code: "unknown_value",
        path: ["strategy"],
        message: `strategy must be one of ${STRATEGIES.join(", ")}; got ${JSON.stringify(o.strategy)}`,
      });
  }
  let include: readonly IncludeOption[] = [];
  if (o.include !== undefined) {
    if (!Array.isArray(o.include)) {
      issues.push({
        code: "invalid_type",
        path: ["include"],
        message: `include must be an array, got ${JSON.stringify(o.include)}`,
      });
    } else {
      o.include.forEach((v, k) => {
        if (!(INCLUDES as readonly unknown[]).includes(v)) {
          issues.push({
            code: "unknown_value",
            path: ["include", k],
            message: `include entries must be one of ${INCLUDES.join(", ")}; got ${JSON.stringify(v)}`,
          });
        }
      });
      include = o.include as IncludeOption[];
    }
  }
  let topK = Number.POSITIVE_INFINITY;
  if (o.topK !== undefined) {
    if (typeof o.topK === "number" && Number.isInteger(o.topK) && o.topK > 0) topK = o.topK;
    else
      issues.push({
        code: "out_of_range",
        path: ["topK"],
        message: `topK must be a positive integer, got ${JSON.stringify(o.topK)}`,
      });
  }
  let scoreAbove = Number.NEGATIVE_INFINITY;
  if (o.scoreAbove !== undefined) {
    if (
      typeof o.scoreAbove === "number" &&
      !Number.isNaN(o.scoreAbove) &&
      o.scoreAbove !== Number.POSITIVE_INFINITY
    )
      scoreAbove = o.scoreAbove;
    else
      issues.push({
        code: "invalid_type",
        path: ["scoreAbove"],
        message: `scoreAbove must be a number below Infinity, got ${typeof o.scoreAbove === "number" ? String(o.scoreAbove) : JSON.stringify(o.scoreAbove)}`,
      });
  }
  return { strategy, include, topK, scoreAbove };
}
