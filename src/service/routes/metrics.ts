import type { FastifyInstance } from "fastify";
import type { ServiceMetrics } from "../metrics.js";
import type { ContractFlags } from "../openapi-responses.js";
import { responsesFor, securityFor } from "../openapi-responses.js";

/** GET /metrics in the Prometheus text format, from the app's own registry. */
export function registerMetricsRoute(
  app: FastifyInstance,
  metrics: ServiceMetrics,
  flags: ContractFlags,
): void {
  const statuses = [431, 500, 503];
  if (flags.secured) statuses.push(401);
  if (flags.secured || flags.rateLimited) statuses.push(429);
  app.get(
    "/metrics",
    {
      schema: {
        operationId: "metrics",
        summary: "Prometheus metrics",
        tags: ["ops"],
        ...securityFor(flags),
        response: responsesFor(
          {
            description: "Metrics in the Prometheus text exposition format",
            content: { "text/plain": { schema: { type: "string" } } },
          },
          statuses,
        ),
      },
    },
    async (_request, reply) => {
      reply.header("content-type", metrics.registry.contentType);
      return metrics.registry.metrics();
    },
  );
}
