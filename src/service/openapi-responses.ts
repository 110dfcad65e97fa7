import { jsonSchemaOfOutput } from "./json-schema.js";
import { ErrorResponseSchema } from "./schemas/response-schemas.js";

/** Every error status a route can return, with the name OpenAPI shows for it. */
const ERROR_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: "Invalid input: every problem is listed in error.issues",
  401: "Missing or wrong API key (one message whatever the cause)",
  405: "Method not allowed; the Allow header lists the methods",
  413: "Body over the size limit, or request over the scoring budget (BUDGET_EXCEEDED)",
  415: "Content type is not application/json",
  429: "Rate limit or failed-authentication limit reached; see Retry-After",
  431: "Request line or headers too large",
  500: "Internal error (logged with its cause)",
  503: "Model still loading (readyz) or the service is shutting down",
};

/** Route flags that decide which statuses exist. */
export type ContractFlags = { readonly secured: boolean; readonly rateLimited: boolean };

/** Statuses of a POST route taking a JSON body, given the service's flags. */
export function bodyRouteStatuses(flags: ContractFlags): number[] {
  const out = [400, 413, 415, 431, 500, 503];
  if (flags.secured) out.push(401);
  if (flags.rateLimited || flags.secured) out.push(429);
  return out;
}

/**
 * The `response` map of a route schema: the success response plus one named error response per status
 * the route can really return.
 */
export function responsesFor(
  success: Record<string, unknown>,
  statuses: readonly number[],
): Record<string, unknown> {
  const error = jsonSchemaOfOutput(ErrorResponseSchema);
  const out: Record<string, unknown> = { 200: success };
  for (const status of [...statuses].sort((a, b) => a - b))
    out[status] = { description: ERROR_DESCRIPTIONS[status], ...error };
  return out;
}

/** `security: []` (explicitly public) on operations when no API key is configured; else the root requirement applies. */
export function securityFor(flags: ContractFlags): { security?: [] } {
  return flags.secured ? {} : { security: [] };
}
