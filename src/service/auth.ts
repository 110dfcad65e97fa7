import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { CompetencyError } from "../errors.js";

const digest = (text: string): Buffer => createHash("sha256").update(text).digest();

/**
 * Routes anyone may call: probes, API docs and the playground page with its assets (the page then asks for
 * the key itself). Matched on the route pattern, never on the raw URL.
 */
function isPublic(route: string | undefined): boolean {
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

/**
 * An onRequest hook requiring `Authorization: Bearer <apiKey>` on every non-public path. Keys are compared
 * as SHA-256 digests with timingSafeEqual so that neither length nor content leaks through timing.
 */
export function createAuthHook(apiKey: string): (request: FastifyRequest) => Promise<void> {
  const expected = digest(apiKey);
  return async (request) => {
    if (isPublic(request.routeOptions.url)) return;
    const header = request.headers.authorization;
    const match = typeof header === "string" ? /^Bearer\s+(.+)$/i.exec(header) : null;
    if (match === null || !timingSafeEqual(digest((match[1] as string).trim()), expected)) {
      throw new CompetencyError(
        "UNAUTHORIZED",
        match === null ? "send Authorization: Bearer <key>" : "the key does not match",
      );
    }
  };
}
