import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { CompetencyError } from "../errors.js";
import type { FailureLimiter } from "./failure-limiter.js";

const digest = (text: string): Buffer => createHash("sha256").update(text).digest();

/**
 * Routes anyone may call: probes, API docs and the playground page with its assets (the page then asks for
 * the key itself). Matched on the route pattern, never on the raw URL.
 */
export function isPublicRoute(route: string | undefined): boolean {
  if (route === undefined) return false;
  return (
    route === "/healthz" ||
    route === "/readyz" ||
    route === "/openapi.json" ||
    route.startsWith("/docs") ||
    route === "/" ||
    route === "/ui/:file"
  );
}

/** The rate-limit bucket of a request whose key was verified: `key:<sha256 hex>`, set by the auth hook. */
export type VerifiedKeys = WeakMap<FastifyRequest, string>;

/**
 * An onRequest hook requiring `Authorization: Bearer <apiKey>` on every non-public path. The scheme is
 * case-insensitive and surrounding whitespace is ignored (RFC 9110 §11.1), so every accepted spelling
 * maps to the same verified digest, and so to the same rate-limit bucket. Keys are compared as SHA-256
 * digests with timingSafeEqual. Every failure gives the same 401 text and counts against the client IP in
 * `failures`; once that bucket is used up, the IP gets 429 until its window ends, even with the right key.
 */
export function createAuthHook(
  apiKey: string,
  failures: FailureLimiter,
  verified: VerifiedKeys,
): (request: FastifyRequest, reply: FastifyReply) => Promise<void> {
  const expected = digest(apiKey);
  const bucket = `key:${expected.toString("hex")}`;
  return async (request, reply) => {
    if (isPublicRoute(request.routeOptions.url)) return;
    const ip = request.ip;
    if (failures.blocked(ip)) {
      reply.header("retry-after", Math.ceil(failures.retryAfterMs(ip) / 1000));
      throw new CompetencyError("RATE_LIMITED", "too many failed authentication attempts");
    }
    const header = request.headers.authorization;
    const match = typeof header === "string" ? /^\s*Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (match === null || !timingSafeEqual(digest(match[1] as string), expected)) {
      failures.fail(ip);
      throw new CompetencyError("UNAUTHORIZED");
    }
    verified.set(request, bucket);
  };
}
