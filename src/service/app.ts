import Fastify, { type FastifyInstance, type FastifyReply, LogController } from "fastify";
import { CompetencyError } from "../errors.js";
import type { Matcher } from "../matcher-types.js";
import type { ChunkScorer } from "../shards/chunk-task.js";
import { createAuthHook, type VerifiedKeys } from "./auth.js";
import { writeClientError } from "./client-error.js";
import { createFailureLimiter } from "./failure-limiter.js";
import { errorBody, installErrorHandlers } from "./http-errors.js";
import { installJsonBodyParser } from "./json-body-parser.js";
import { createMetrics } from "./metrics.js";
import { installRateLimit } from "./rate-limit.js";
import { genReqId } from "./request-id.js";
import { trackRouteMethods } from "./route-methods.js";
import { registerBatchRoute } from "./routes/batch.js";
import { registerDocs } from "./routes/docs.js";
import { registerHealthRoutes } from "./routes/health.js";
import { registerMatchRoute } from "./routes/match.js";
import { registerMetricsRoute } from "./routes/metrics.js";
import { registerPlaygroundRoutes } from "./routes/playground.js";
import { registerRankRoute } from "./routes/rank.js";
import { POOL_MIN_COST, RATE_LIMIT_MAX_KEYS } from "./service-defaults.js";
import type { ResolvedServiceOptions } from "./service-options.js";

export type AppDeps = {
  readonly matcher: Matcher;
  readonly options: ResolvedServiceOptions;
  /** Worker pool for requests of POOL_MIN_COST pairs or more. @default none: score on the event-loop thread */
  readonly scorer?: ChunkScorer;
  /** Where pino writes JSON log lines, one `write` per line. @default stdout */
  readonly logStream?: { write(line: string): unknown };
  /** Clock of the rate limit and the failed-auth limiter. @default Date.now */
  readonly now?: () => number;
};

/** `trustProxy: n`: trust the n closest hops of X-Forwarded-For (Fastify's types take only a function). */
const trustHops =
  (hops: number) =>
  (_address: string, index: number): boolean =>
    index < hops;

const PROBES: ReadonlySet<string> = new Set(["/healthz", "/readyz"]);

/**
 * Builds the HTTP app (not listening). The caller owns the matcher and the scorer; closing the app stops
 * the metrics monitor only. Every response carries `x-request-id`, and every log line the request id.
 * Every error, from the HTTP parser to shutdown, is `{ error: { code, message, issues? } }`.
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
    trustProxy: typeof options.trustProxy === "number" ? trustHops(options.trustProxy) : options.trustProxy,
    logController: new LogController({ disableRequestLogging: true }),
    // Shutdown answers 503 through the onRequest hook below, in the error contract.
    return503OnClosing: false,
    forceCloseConnections: "idle",
    clientErrorHandler: writeClientError,
    frameworkErrors: (error, _request, reply) => {
      const message = error.code === "FST_ERR_BAD_URL" ? "malformed URL" : error.message;
      (reply as unknown as FastifyReply)
        .code(400)
        .send(errorBody(new CompetencyError("INVALID_INPUT", message)));
    },
  });
  const metrics = createMetrics(deps.matcher);
  const contract = { secured: options.apiKey !== undefined, rateLimited: options.rateLimitMax > 0 };
  const routeDeps = {
    matcher: deps.matcher,
    scorer: deps.scorer,
    maxCost: options.maxCostPerRequest,
    poolMinCost: POOL_MIN_COST,
    contract,
  };
  const methods = trackRouteMethods(app);
  const verified: VerifiedKeys = new WeakMap();

  installErrorHandlers(app, methods);
  // JSON only: without this, text/plain bodies would reach the routes as strings instead of getting a 415.
  app.removeContentTypeParser("text/plain");
  installJsonBodyParser(app, options.bodyLimitBytes);
  // Responses are built by our code from typed results; JSON.stringify avoids re-validating them.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  let closing = false;
  app.addHook("preClose", async () => {
    closing = true;
  });
  // Per-request hooks take a callback rather than returning a promise: one microtask hop less each.
  app.addHook("onRequest", (request, reply, done) => {
    reply.header("x-request-id", request.id);
    if (!closing) return done();
    reply.header("connection", "close");
    done(new CompetencyError("SHUTTING_DOWN", "retry on another instance"));
  });
  if (options.apiKey !== undefined) {
    const failures = createFailureLimiter(
      options.authFailureMax,
      options.rateLimitWindowMs,
      deps.now ?? Date.now,
    );
    app.addHook("onRequest", createAuthHook(options.apiKey, failures, verified));
  }
  app.addHook("onResponse", (request, reply, done) => {
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
    done();
  });
  app.addHook("onClose", async () => metrics.close());

  if (options.rateLimitMax > 0) {
    installRateLimit(app, {
      max: options.rateLimitMax,
      windowMs: options.rateLimitWindowMs,
      // The verified key's digest when a key is configured (the auth hook runs first and rejects the rest),
      // else the client IP (the socket address, or X-Forwarded-For hops allowed by trustProxy). Headers a
      // client can vary freely never pick the bucket.
      keyOf: (request) => verified.get(request) ?? `ip:${request.ip}`,
      exempt: PROBES,
      now: deps.now ?? Date.now,
      maxKeys: RATE_LIMIT_MAX_KEYS,
    });
  }
  app.register(async (instance) => {
    await registerDocs(instance, contract);
    registerMatchRoute(instance, routeDeps);
    registerBatchRoute(instance, routeDeps);
    registerRankRoute(instance, routeDeps);
    registerHealthRoutes(instance, routeDeps);
    registerMetricsRoute(instance, metrics, contract);
    if (options.ui) registerPlaygroundRoutes(instance, { needsKey: options.apiKey !== undefined });
  });
  return app;
}
