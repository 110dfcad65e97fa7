import { Ajv2020 } from "ajv/dist/2020.js";
import type { FastifyInstance } from "fastify";

type Recorded = { method: string; url: string; status: number; contentType: string; body: string };

const pointer = (part: string): string => part.replace(/~/g, "~0").replace(/\//g, "~1");

/**
 * Checks responses against the app's own /openapi.json: the route and status must be documented, and a
 * JSON body must match the documented schema. Returns one message per violation.
 */
export async function checkAgainstOpenApi(
  app: FastifyInstance,
  responses: readonly Recorded[],
): Promise<string[]> {
  const doc = (await app.inject({ url: "/openapi.json" })).json() as {
    paths: Record<
      string,
      Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>
    >;
  };
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  ajv.addSchema(doc, "openapi.json");
  const problems: string[] = [];
  for (const r of responses) {
    const path = r.url.split("?")[0] ?? "";
    const method = r.method.toLowerCase();
    const where = `${r.method} ${path} ${r.status}`;
    const operation = doc.paths[path]?.[method];
    if (operation === undefined) {
      // Undocumented routes (docs assets, unknown paths) must still answer errors in the contract.
      if (r.status >= 400 && !isErrorBody(r))
        problems.push(`${where}: error body outside the contract: ${r.body.slice(0, 200)}`);
      continue;
    }
    const response = operation.responses[String(r.status)];
    if (response === undefined) {
      problems.push(`${where}: status not documented`);
      continue;
    }
    if (!r.contentType.startsWith("application/json")) continue;
    const ref = `openapi.json#/paths/${pointer(path)}/${method}/responses/${r.status}/content/application~1json/schema`;
    const validate = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
    let body: unknown;
    try {
      body = JSON.parse(r.body);
    } catch {
      problems.push(`${where}: body is not JSON`);
      continue;
    }
    if (!validate(body))
      problems.push(`${where}: ${ajv.errorsText(validate.errors)} in ${r.body.slice(0, 200)}`);
  }
  return problems;
}

function isErrorBody(r: Recorded): boolean {
  try {
    const body = JSON.parse(r.body) as { error?: { code?: unknown; message?: unknown } };
    return typeof body.error?.code === "string" && typeof body.error.message === "string";
  } catch {
    return false;
  }
}

/** Records every response of `app` (call before the app is ready); check them later with checkAgainstOpenApi. */
export function recordResponses(app: FastifyInstance): Recorded[] {
  const out: Recorded[] = [];
  app.addHook("onSend", async (request, reply, payload) => {
    out.push({
      method: request.method,
      url: request.url,
      status: reply.statusCode,
      contentType: String(reply.getHeader("content-type") ?? ""),
      body: typeof payload === "string" ? payload : Buffer.isBuffer(payload) ? payload.toString("utf8") : "",
    });
    return payload;
  });
  return out;
}
