import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { CompetencyError } from "../../errors.js";
import { jsonSchemaOfOutput } from "../json-schema.js";
import { responsesFor } from "../openapi-responses.js";
import type { RouteDeps } from "../route-deps.js";

const Healthy = z.object({ status: z.literal("ok") });
const Ready = z.object({ status: z.literal("ready"), embedder: z.string(), lexiconVersion: z.string() });

/**
 * GET /healthz (the process is up) and GET /readyz (the model is loaded; 503 until then). Probes are
 * public, outside the rate limit, and carry no security requirement in the OpenAPI document.
 */
export function registerHealthRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get(
    "/healthz",
    {
      schema: {
        operationId: "healthz",
        summary: "Liveness probe",
        tags: ["ops"],
        security: [],
        response: responsesFor(
          { description: "The process is up", ...jsonSchemaOfOutput(Healthy) },
          [431, 500, 503],
        ),
      },
    },
    async () => ({ status: "ok" }),
  );
  app.get(
    "/readyz",
    {
      schema: {
        operationId: "readyz",
        summary: "Readiness probe: 200 once the model is loaded",
        tags: ["ops"],
        security: [],
        response: responsesFor(
          { description: "The model is loaded", ...jsonSchemaOfOutput(Ready) },
          [431, 500, 503],
        ),
      },
    },
    async (_request, reply) => {
      if (!deps.matcher.isReady) {
        // An expected state while the model loads: logged at info by the error handler, without a stack.
        reply.header("retry-after", 1);
        throw new CompetencyError("MODEL_UNAVAILABLE", "the embedding model is still loading", {
          details: { expected: true },
        });
      }
      return {
        status: "ready",
        embedder: deps.matcher.embedderId,
        lexiconVersion: deps.matcher.lexiconVersion,
      };
    },
  );
}
