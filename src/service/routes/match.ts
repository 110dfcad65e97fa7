import type { FastifyInstance } from "fastify";
import { type MatchRequest, validateMatchRequest } from "../../validate/validate-request.js";
import { jsonSchemaOf, jsonSchemaOfOutput } from "../json-schema.js";
import { bodyRouteStatuses, responsesFor, securityFor } from "../openapi-responses.js";
import type { CheckedBody } from "../request-validator.js";
import { requestValidator } from "../request-validator.js";
import { matchOptionsOf, type RouteDeps } from "../route-deps.js";
import { MatchBodySchema } from "../schemas/request-schemas.js";
import { MatchResultSchema } from "../schemas/response-schemas.js";
import { scoreOnPool } from "../score-on-pool.js";

/** POST /v1/match: one candidate against one role. Large pairs go to the worker pool when there is one. */
export function registerMatchRoute(app: FastifyInstance, deps: RouteDeps): void {
  app.post(
    "/v1/match",
    {
      schema: {
        operationId: "match",
        summary: "Score one candidate against one role",
        tags: ["matching"],
        ...securityFor(deps.contract),
        body: jsonSchemaOf(MatchBodySchema),
        response: responsesFor(
          { description: "The match result", ...jsonSchemaOfOutput(MatchResultSchema) },
          bodyRouteStatuses(deps.contract),
        ),
      },
      validatorCompiler: requestValidator(validateMatchRequest, deps.maxCost),
    },
    // Not async: it returns the matcher's promise itself, instead of an outer promise that waits on it
    // (two more microtask hops per request).
    (request) => {
      const { request: body, cost } = request.body as CheckedBody<MatchRequest>;
      const options = matchOptionsOf(body);
      if (deps.scorer !== undefined && cost >= deps.poolMinCost) {
        const pair = { candidate: body.candidateSkills, required: body.requiredSkills };
        return scoreOnPool(deps.scorer, [pair], options).then((results) => results[0]);
      }
      return deps.matcher.match(body.candidateSkills, body.requiredSkills, options);
    },
  );
}
