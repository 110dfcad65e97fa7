import type { FastifySchemaCompiler } from "fastify";
import { CompetencyError } from "../errors.js";
import type { Validated } from "../validate/validate-request.js";

/** What a route handler receives as `request.body` after validation. */
export type CheckedBody<T> = { readonly request: T; readonly cost: number };

/**
 * A Fastify validator compiler around one of the shared request validators (src/validate/validate-request.ts).
 * The route's `schema.body` carries the JSON Schema for /openapi.json; this function does the validating.
 * Failures become INVALID_INPUT listing every issue; a valid request whose cost (candidate × required pairs)
 * exceeds `maxCost` becomes BUDGET_EXCEEDED (413), before any scoring.
 */
export function requestValidator<T>(
  validate: (body: unknown) => Validated<T>,
  maxCost: number,
): FastifySchemaCompiler<unknown> {
  return () => (data: unknown) => {
    const checked = validate(data);
    if (!checked.ok) {
      const first = checked.issues[0]?.message ?? "invalid body";
      const more = checked.issues.length > 1 ? ` (and ${checked.issues.length - 1} more)` : "";
      return {
        error: new CompetencyError("INVALID_INPUT", `${first}${more}`, {
          details: { issues: checked.issues },
        }),
      };
    }
    if (checked.cost > maxCost) {
      return {
        error: new CompetencyError(
          "BUDGET_EXCEEDED",
          `this request costs ${checked.cost} candidate × required skill pairs; the limit is ${maxCost} per request (split it, or raise maxCostPerRequest)`,
        ),
      };
    }
    const value: CheckedBody<T> = { request: checked.value, cost: checked.cost };
    return { value };
  };
}
