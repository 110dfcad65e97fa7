import type { FastifyInstance } from "fastify";
import { CompetencyError } from "../../errors.js";
import type { RouteDeps } from "../route-deps.js";

/** GET /healthz (the process is up) and GET /readyz (the model is loaded; 503 until then). */
export function registerHealthRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get("/healthz", { schema: { summary: "Liveness probe", tags: ["ops"] } }, async () => ({
    status: "ok",
  }));
  app.get(
    "/readyz",
    { schema: { summary: "Readiness probe: 200 once the model is loaded", tags: ["ops"] } },
    async () => {
      if (!deps.matcher.isReady)
        throw new CompetencyError("MODEL_UNAVAILABLE", "the embedding model is still loading");
      return {
        status: "ready",
        embedder: deps.matcher.embedderId,
        lexiconVersion: deps.matcher.lexiconVersion,
      };
    },
  );
}
