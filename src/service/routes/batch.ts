import type { FastifyInstance } from "fastify";
import type { MatchPair } from "../../matcher-types.js";
import { type BatchRequest, validateBatchRequest } from "../../validate/validate-request.js";
import { jsonSchemaOf, jsonSchemaOfOutput } from "../json-schema.js";
import { bodyRouteStatuses, responsesFor, securityFor } from "../openapi-responses.js";
import { type CheckedBody, requestValidator } from "../request-validator.js";
import { matchOptionsOf, type RouteDeps } from "../route-deps.js";
import { BatchBodySchema } from "../schemas/request-schemas.js";
import { BatchResponseSchema } from "../schemas/response-schemas.js";
import { scoreOnPool } from "../score-on-pool.js";

/** POST /v1/match/batch: many pairs, results in input order. */
export function registerBatchRoute(app: FastifyInstance, deps: RouteDeps): void {
  app.post(
    "/v1/match/batch",
    {
      schema: {
        operationId: "matchBatch",
        summary: "Score many candidate/role pairs",
        tags: ["matching"],
        ...securityFor(deps.contract),
        body: jsonSchemaOf(BatchBodySchema),
        response: responsesFor(
          { description: "One result per pair, in input order", ...jsonSchemaOfOutput(BatchResponseSchema) },
          bodyRouteStatuses(deps.contract),
        ),
      },
      validatorCompiler: requestValidator(validateBatchRequest, deps.maxCost),
    },
    async (request) => {
      const { request: body, cost } = request.body as CheckedBody<BatchRequest>;
      const pairs: MatchPair[] = body.pairs.map((p) => ({
        candidate: p.candidateSkills,
        required: p.requiredSkills,
      }));
      const results =
        deps.scorer !== undefined && cost >= deps.poolMinCost
          ? await scoreOnPool(deps.scorer, pairs, matchOptionsOf(body))
          : await deps.matcher.matchBatch(pairs, matchOptionsOf(body));
      return {
        results: results.map((result, k) => {
          const id = body.pairs[k]?.id;
          return id === undefined ? result : { id, ...result };
        }),
      };
    },
  );
}
