import type { FastifyInstance } from "fastify";
import type { ServiceMetrics } from "../metrics.js";

/** GET /metrics in the Prometheus text format, from the app's own registry. */
export function registerMetricsRoute(app: FastifyInstance, metrics: ServiceMetrics): void {
  app.get(
    "/metrics",
    { schema: { summary: "Prometheus metrics", tags: ["ops"] } },
    async (_request, reply) => {
      reply.header("content-type", metrics.registry.contentType);
      return metrics.registry.metrics();
    },
  );
}
