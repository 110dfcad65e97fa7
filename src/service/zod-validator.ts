import type { FastifySchemaCompiler } from "fastify";
import type { z } from "zod";
import { CompetencyError } from "../errors.js";
import { zodIssuesToIssues } from "./zod-issues.js";

/**
 * A Fastify validator compiler for one zod schema: the route's `schema.body` carries the JSON Schema
 * generated from the same zod schema (for /openapi.json), and this function does the validating.
 * Failures become INVALID_INPUT listing every issue.
 */
export function zodValidator(schema: z.ZodType): FastifySchemaCompiler<unknown> {
  return () => (data: unknown) => {
    const parsed = schema.safeParse(data, { reportInput: true });
    if (parsed.success) return { value: parsed.data };
    const issues = zodIssuesToIssues(parsed.error.issues);
    const first = issues[0]?.message ?? "invalid body";
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
    return { error: new CompetencyError("INVALID_INPUT", `${first}${more}`, { details: { issues } }) };
  };
}
