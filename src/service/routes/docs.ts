import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import type { ContractFlags } from "../openapi-responses.js";
import { VERSION } from "../version.js";

/** The Content-Security-Policy of the Swagger UI pages under /docs. */
export const SWAGGER_UI_CSP =
  "default-src 'self'; base-uri 'self'; font-src 'self' data:; frame-ancestors 'self'; img-src 'self' data:; " +
  "object-src 'none'; script-src 'self'; script-src-attr 'none'; style-src 'self' 'unsafe-inline'; " +
  "connect-src 'self'; form-action 'self'";

/**
 * OpenAPI 3.1 from the routes' schemas (generated from the zod schemas that document requests), served as
 * GET /openapi.json, and Swagger UI at /docs with its assets bundled (works offline). Security is declared
 * only when an API key is configured, and the probes opt out of it. Must be registered before the routes.
 */
export async function registerDocs(app: FastifyInstance, flags: ContractFlags): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "competency-api",
        version: VERSION,
        description:
          "Scores how well a candidate's skills match a role's required skills. Limits, rate limits, the scoring budget and the security model: docs/http.md.",
        license: { name: "MIT", identifier: "MIT" },
      },
      servers: [{ url: "/", description: "this server" }],
      tags: [
        { name: "matching", description: "Score candidates against roles" },
        { name: "ops", description: "Probes and metrics" },
      ],
      ...(flags.secured
        ? {
            components: {
              securitySchemes: {
                bearer: { type: "http", scheme: "bearer", description: "Authorization: Bearer <API key>" },
              },
            },
            security: [{ bearer: [] }],
          }
        : {}),
    },
  });
  await app.register(swaggerUi, {
    routePrefix: "/docs",
    // Swagger UI's React sets style attributes at run time, so only styles may be inline; scripts stay
    // 'self' only, and nothing loads from another host (no online validator badge).
    staticCSP: SWAGGER_UI_CSP,
    uiConfig: { validatorUrl: null },
  });
  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
}
