import rateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyInstance, LogController } from "fastify";
import { CompetencyError } from "../errors.js";
import type { Matcher } from "../matcher-types.js";
import { createAuthHook } from "./auth.js";
import { installErrorHandlers } from "./http-errors.js";
import { createMetrics } from "./metrics.js";
import { genReqId } from "./request-id.js";
import { registerBatchRoute } from "./routes/batch.js";
import { registerDocs } from "./routes/docs.js";
import { registerHealthRoutes } from "./routes/health.js";
import { registerMatchRoute } from "./routes/match.js";
import { registerMetricsRoute } from "./routes/metrics.js";
import { registerPlaygroundRoutes } from "./routes/playground.js";
import { registerRankRoute } from "./routes/rank.js";
import type { ResolvedServiceOptions } from "./service-options.js";
import type { ChunkScorer } from "./workers/chunk-task.js";

export type AppDeps = {
  readonly matcher: Matcher;
  readonly options: ResolvedServiceOptions;
  /** Worker pool for batch and rank. @default none: score on the event-loop thread */
  readonly scorer?: ChunkScorer;
  /** Where pino writes JSON log lines. @default stdout */
  readonly logStream?: NodeJS.WritableStream;
};

/**
 * Builds the HTTP app (not listening). The caller owns the matcher and the scorer; closing the app stops
 * the metrics monitor only. Every response carries `x-request-id`, and every log line the request id.
 */
export function buildApp(deps: AppDeps): FastifyInstance {
  const { options } = deps;
  const app = Fastify({
    logger:
      deps.logStream === undefined
        ? { level: options.logLevel }
        : { level: options.logLevel, stream: deps.logStream },
    bodyLimit: options.bodyLimitBytes,
    genReqId,
    requestIdHeader: false,
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
    forceCloseConnections: "idle",
  });
  const metrics = createMetrics(deps.matcher);
  const routeDeps = { matcher: deps.matcher, scorer: deps.scorer };

  installErrorHandlers(app);
  // JSON only: without this, text/plain bodies would reach the routes as strings instead of getting a 415.
  app.removeContentTypeParser("text/plain");
  // Responses are built by our code from typed results; JSON.stringify avoids re-validating them.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  if (options.apiKey !== undefined) app.addHook("onRequest", createAuthHook(options.apiKey));
  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? "unmatched";
    metrics.observe(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    request.log.info(
      {
        method: request.method,
        route,
        statusCode: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 100) / 100,
      },
      "request",
    );
  });
  app.addHook("onClose", async () => metrics.close());

  if (options.rateLimitMax > 0) {
    app.register(rateLimit, {
      max: options.rateLimitMax,
      timeWindow: options.rateLimitWindowMs,
      // One budget per API key when keys are in use, else per client IP.
      keyGenerator: (request) => request.headers.authorization ?? request.ip,
      allowList: (request) => request.url === "/healthz" || request.url === "/readyz",
      errorResponseBuilder: (_request, context) =>
        new CompetencyError(
          "RATE_LIMITED",
          `limit ${context.max} per ${context.after === "" ? "window" : `window; retry in ${context.after}`}`,
        ),
    });
  }
  app.register(async (instance) => {
    await registerDocs(instance);
    registerMatchRoute(instance, routeDeps);
    registerBatchRoute(instance, routeDeps);
    registerRankRoute(instance, routeDeps);
    registerHealthRoutes(instance, routeDeps);
    registerMetricsRoute(instance, metrics);
    if (options.ui) registerPlaygroundRoutes(instance, { needsKey: options.apiKey !== undefined });
  });
  return app;
}
