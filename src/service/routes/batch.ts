import type { FastifyInstance } from "fastify";
import type { MatchPair } from "../../matcher-types.js";
import { jsonSchemaOf, jsonSchemaOfOutput } from "../json-schema.js";
import { matchOptionsOf, type RouteDeps } from "../route-deps.js";
import { type BatchBody, BatchBodySchema } from "../schemas/request-schemas.js";
import { BatchResponseSchema, ErrorResponseSchema } from "../schemas/response-schemas.js";
import { scoreOnPool } from "../score-on-pool.js";
import { zodValidator } from "../zod-validator.js";

/** POST /v1/match/batch: many pairs, results in input order. */
export function registerBatchRoute(app: FastifyInstance, deps: RouteDeps): void {
  const error = jsonSchemaOfOutput(ErrorResponseSchema);
  app.post(
    "/v1/match/batch",
    {
      schema: {
        summary: "Score many candidate/role pairs",
        tags: ["matching"],
        body: jsonSchemaOf(BatchBodySchema),
        response: { 200: jsonSchemaOfOutput(BatchResponseSchema), 400: error, 413: error, 415: error },
      },
      validatorCompiler: zodValidator(BatchBodySchema),
    },
    async (request) => {
      const body = request.body as BatchBody;
      const pairs: MatchPair[] = body.pairs.map((p) => ({
        candidate: p.candidateSkills,
        required: p.requiredSkills,
      }));
      const results =
        deps.scorer === undefined
          ? await deps.matcher.matchBatch(pairs, matchOptionsOf(body))
          : await scoreOnPool(deps.scorer, pairs, matchOptionsOf(body));
      return {
        results: results.map((result, k) =>
          body.pairs[k]?.id === undefined ? result : { id: body.pairs[k]?.id, ...result },
        ),
      };
    },
  );
}
