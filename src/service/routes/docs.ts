import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { VERSION } from "../version.js";

/**
 * OpenAPI 3.1 from the routes' schemas (which are generated from the zod schemas that validate requests),
 * served as GET /openapi.json, and Swagger UI at /docs with its assets bundled (works offline).
 * Must be registered before the routes it documents.
 */
export async function registerDocs(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "competency-api",
        version: VERSION,
        description: "Scores how well a candidate's skills match a role's required skills.",
      },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: "/docs", staticCSP: true });
  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
}
