import type { FastifyInstance } from "fastify";
import { CompetencyError } from "../errors.js";

/**
 * Replaces Fastify's JSON parser: plain JSON.parse, so that `__proto__` and `constructor` keys arrive as
 * ordinary own keys and the request validator reports them as `forbidden_key` issues (secure-json-parse
 * would call such a body "not valid JSON"). JSON.parse never assigns a prototype, and validated requests
 * are rebuilt from the allowed keys only. A leading UTF-8 BOM is accepted.
 */
export function installJsonBodyParser(app: FastifyInstance, bodyLimit: number): void {
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string", bodyLimit }, (_request, body, done) => {
    const text = (body as string).charCodeAt(0) === 0xfeff ? (body as string).slice(1) : (body as string);
    if (text.trim() === "") {
      done(rootError("the body is empty; send a JSON object"), undefined);
      return;
    }
    try {
      done(null, JSON.parse(text));
    } catch (cause) {
      done(rootError((cause as Error).message, cause), undefined);
    }
  });
}

function rootError(message: string, cause?: unknown): CompetencyError {
  return new CompetencyError("INVALID_JSON", message, {
    cause,
    details: { issues: [{ code: "invalid_type", path: [], message: `(root): ${message}` }] },
  });
}
