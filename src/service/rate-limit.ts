import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { CompetencyError } from "../errors.js";
import { createFixedWindows } from "./fixed-windows.js";
import { formatDuration } from "./format-duration.js";

export type RateLimitOptions = {
  /** Requests per bucket per window (> 0). */
  readonly max: number;
  readonly windowMs: number;
  /** The bucket of a request; runs after the app's onRequest hooks (so after authentication). */
  readonly keyOf: (request: FastifyRequest) => string;
  /** Route patterns that are never limited (the probes). */
  readonly exempt: ReadonlySet<string>;
  readonly now: () => number;
  /** Live buckets kept (see `createFixedWindows`). */
  readonly maxKeys: number;
};

/**
 * A fixed window per bucket, starting at the bucket's first request: `max` requests, then 429 RATE_LIMITED
 * until the window ends. Every limited response carries `x-ratelimit-limit`, `x-ratelimit-remaining` and
 * `x-ratelimit-reset` (seconds), and a 429 also `retry-after`. Installed as a route-level onRequest hook on
 * every route registered after this call, never on the 404 handler (as @fastify/rate-limit did). The hook is
 * synchronous: the plugin's async key, allow-list and store steps cost ~10 µs per small match
 * (bench/http-cpu.ts).
 */
export function installRateLimit(app: FastifyInstance, options: RateLimitOptions): void {
  const { max, windowMs, keyOf, now, maxKeys } = options;
  const windows = createFixedWindows(windowMs, maxKeys);
  const hook = (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void): void => {
    const t = now();
    const w = windows.count(keyOf(request), t);
    const resetS = Math.ceil((w.resetAt - t) / 1000);
    reply.header("x-ratelimit-limit", max);
    if (w.count <= max) {
      reply.header("x-ratelimit-remaining", max - w.count);
      reply.header("x-ratelimit-reset", resetS);
      done();
      return;
    }
    reply.header("x-ratelimit-remaining", 0);
    reply.header("x-ratelimit-reset", resetS);
    reply.header("retry-after", resetS);
    done(
      new CompetencyError(
        "RATE_LIMITED",
        `limit ${max} per window; retry in ${formatDuration(resetS * 1000)}`,
      ),
    );
  };
  app.addHook("onRoute", (route) => {
    if (options.exempt.has(route.url)) return;
    const own = route.onRequest;
    route.onRequest = own === undefined ? [hook] : Array.isArray(own) ? [...own, hook] : [own, hook];
  });
}
