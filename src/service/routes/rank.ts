import type { FastifyInstance } from "fastify";
import type { RankEntry } from "../../matcher-types.js";
import { type RankRequest, validateRankRequest } from "../../validate/validate-request.js";
import { jsonSchemaOf, jsonSchemaOfOutput } from "../json-schema.js";
import { bodyRouteStatuses, responsesFor, securityFor } from "../openapi-responses.js";
import { type CheckedBody, requestValidator } from "../request-validator.js";
import { matchOptionsOf, type RouteDeps } from "../route-deps.js";
import { RankBodySchema } from "../schemas/request-schemas.js";
import { RankResponseSchema } from "../schemas/response-schemas.js";
import { scoreOnPool } from "../score-on-pool.js";

/** POST /v1/rank: candidates against one role, best first; ties keep input order; ids must be unique. */
export function registerRankRoute(app: FastifyInstance, deps: RouteDeps): void {
  app.post(
    "/v1/rank",
    {
      schema: {
        operationId: "rank",
        summary: "Rank candidates against one role",
        tags: ["matching"],
        ...securityFor(deps.contract),
        body: jsonSchemaOf(RankBodySchema),
        response: responsesFor(
          { description: "Candidates best first", ...jsonSchemaOfOutput(RankResponseSchema) },
          bodyRouteStatuses(deps.contract),
        ),
      },
      validatorCompiler: requestValidator(validateRankRequest, deps.maxCost),
    },
    async (request) => {
      const { request: body, cost } = request.body as CheckedBody<RankRequest>;
      const options = matchOptionsOf(body);
      if (deps.scorer === undefined || cost < deps.poolMinCost) {
        const ranking = await deps.matcher.rank(
          body.candidates,
          body.requiredSkills,
          body.topK === undefined ? options : { ...options, topK: body.topK },
        );
        return { ranking };
      }
      const pairs = body.candidates.map((c) => ({ candidate: c.skills, required: body.requiredSkills }));
      const results = await scoreOnPool(deps.scorer, pairs, options);
      const order = results
        .map((_, k) => k)
        .sort((a, b) => (results[b]?.overallScore ?? 0) - (results[a]?.overallScore ?? 0) || a - b);
      const ranking: RankEntry[] = order.slice(0, body.topK ?? order.length).map((k, position) => {
        const result = results[k] as RankEntry["result"];
        return {
          id: (body.candidates[k] as { id: string }).id,
          rank: position + 1,
          overallScore: result.overallScore,
          result,
        };
      });
      return { ranking };
    },
  );
}
