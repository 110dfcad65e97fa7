import type { FastifyInstance } from "fastify";
import type { RankEntry } from "../../matcher-types.js";
import { jsonSchemaOf, jsonSchemaOfOutput } from "../json-schema.js";
import { matchOptionsOf, type RouteDeps } from "../route-deps.js";
import { type RankBody, RankBodySchema } from "../schemas/request-schemas.js";
import { ErrorResponseSchema, RankResponseSchema } from "../schemas/response-schemas.js";
import { scoreOnPool } from "../score-on-pool.js";
import { zodValidator } from "../zod-validator.js";

/** POST /v1/rank: candidates against one role, best first; ties keep input order. */
export function registerRankRoute(app: FastifyInstance, deps: RouteDeps): void {
  const error = jsonSchemaOfOutput(ErrorResponseSchema);
  app.post(
    "/v1/rank",
    {
      schema: {
        summary: "Rank candidates against one role",
        tags: ["matching"],
        body: jsonSchemaOf(RankBodySchema),
        response: { 200: jsonSchemaOfOutput(RankResponseSchema), 400: error, 413: error, 415: error },
      },
      validatorCompiler: zodValidator(RankBodySchema),
    },
    async (request) => {
      const body = request.body as RankBody;
      const options = matchOptionsOf(body);
      if (deps.scorer === undefined) {
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
