import type { FastifyInstance } from "fastify";
import { jsonSchemaOf, jsonSchemaOfOutput } from "../json-schema.js";
import { matchOptionsOf, type RouteDeps } from "../route-deps.js";
import { type MatchBody, MatchBodySchema } from "../schemas/request-schemas.js";
import { ErrorResponseSchema, MatchResultSchema } from "../schemas/response-schemas.js";
import { zodValidator } from "../zod-validator.js";

/** POST /v1/match: one candidate against one role. */
export function registerMatchRoute(app: FastifyInstance, deps: RouteDeps): void {
  const error = jsonSchemaOfOutput(ErrorResponseSchema);
  app.post(
    "/v1/match",
    {
      schema: {
        summary: "Score one candidate against one role",
        tags: ["matching"],
        body: jsonSchemaOf(MatchBodySchema),
        response: { 200: jsonSchemaOfOutput(MatchResultSchema), 400: error, 413: error, 415: error },
      },
      validatorCompiler: zodValidator(MatchBodySchema),
    },
    async (request) => {
      const body = request.body as MatchBody;
      return deps.matcher.match(body.candidateSkills, body.requiredSkills, matchOptionsOf(body));
    },
  );
}
