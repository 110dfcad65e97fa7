import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { CompetencyError, type ErrorCode } from "../errors.js";
import type { RouteMethods } from "./route-methods.js";

/** HTTP status of every error code. Codes a request cannot cause map to 500 or 503. */
export const STATUS_BY_CODE: Readonly<Record<ErrorCode, number>> = {
  INVALID_INPUT: 400,
  INVALID_JSON: 400,
  SCHEMA_MISMATCH: 400,
  LIMIT_EXCEEDED: 413,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  MODEL_UNAVAILABLE: 503,
  CACHE_CORRUPT: 503,
  CLOSED: 503,
  REDIS_UNAVAILABLE: 503,
  SHARD_FAILED: 500,
  INPUT_CHANGED: 409,
  RUN_INCONSISTENT: 500,
  METHOD_NOT_ALLOWED: 405,
  HEADERS_TOO_LARGE: 431,
  BUDGET_EXCEEDED: 413,
  SHUTTING_DOWN: 503,
  INVALID_CONFIG: 500,
  DIMENSION_MISMATCH: 500,
  FILE_NOT_FOUND: 500,
  FILE_UNREADABLE: 500,
  FILE_UNWRITABLE: 500,
  BASELINE_MISSING: 500,
  ALLOCATOR_UNAVAILABLE: 500,
  INTERNAL: 500,
};

/** Fastify's own client errors (body parsing, content type, limits) translated to our codes. */
const FASTIFY_CODES: Readonly<Record<string, ErrorCode>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "INVALID_INPUT",
  FST_ERR_CTP_EMPTY_JSON_BODY: "INVALID_JSON",
  FST_ERR_CTP_INVALID_JSON_BODY: "INVALID_JSON",
  FST_ERR_CTP_INVALID_TYPE: "UNSUPPORTED_MEDIA_TYPE",
};

/** 400s always list issues; a body-level failure has one issue at the root path. */
function withRootIssue(code: ErrorCode, message: string, cause: unknown): CompetencyError {
  if (STATUS_BY_CODE[code] !== 400) return new CompetencyError(code, message, { cause });
  return new CompetencyError(code, message, {
    cause,
    details: { issues: [{ code: "invalid_type", path: [], message: `(root): ${message}` }] },
  });
}

/** Normalises anything thrown while handling a request into a CompetencyError (or null for a defect). */
export function toCompetencyError(error: FastifyError | Error): CompetencyError | null {
  if (error instanceof CompetencyError) return error;
  const fe = error as FastifyError;
  const mapped = fe.code === undefined ? undefined : FASTIFY_CODES[fe.code];
  if (mapped !== undefined) return withRootIssue(mapped, fe.message, error);
  // secure-json-parse rejects JSON syntax errors and __proto__ / constructor.prototype keys with a 400.
  if (
    error instanceof SyntaxError ||
    (fe.statusCode !== undefined && fe.statusCode >= 400 && fe.statusCode < 500)
  ) {
    const code: ErrorCode =
      error instanceof SyntaxError
        ? "INVALID_JSON"
        : fe.statusCode === 413
          ? "PAYLOAD_TOO_LARGE"
          : fe.statusCode === 415
            ? "UNSUPPORTED_MEDIA_TYPE"
            : "INVALID_INPUT";
    return withRootIssue(code, fe.message, error);
  }
  return null;
}

/** The error body of every non-2xx response. */
export function errorBody(error: CompetencyError): {
  error: { code: ErrorCode; message: string; issues?: unknown[] };
} {
  return error.issues.length > 0
    ? { error: { code: error.code, message: error.message, issues: [...error.issues] } }
    : { error: { code: error.code, message: error.message } };
}

/**
 * Installs the one error handler and the 404/405 handler. Unknown errors are logged with their cause and
 * become 500. Expected server states (model loading) are logged at info, without a stack.
 */
export function installErrorHandlers(app: FastifyInstance, methods: RouteMethods): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    // @fastify/static refuses paths like /docs/static/%2e%2e/... with 403 "Forbidden": to a client, not found.
    if (!(error instanceof CompetencyError) && (error as FastifyError).statusCode === 403) {
      const path = (request.url.split("?")[0] ?? "").slice(0, 200);
      return reply.status(404).send(errorBody(new CompetencyError("NOT_FOUND", `${request.method} ${path}`)));
    }
    let known = toCompetencyError(error);
    if (known?.code === "UNSUPPORTED_MEDIA_TYPE" && !(error instanceof CompetencyError)) {
      const type = String(request.headers["content-type"] ?? "none").slice(0, 100);
      known = new CompetencyError(
        "UNSUPPORTED_MEDIA_TYPE",
        `${JSON.stringify(type)}; send application/json`,
        { cause: error },
      );
    }
    if (known === null) {
      request.log.error({ err: error }, "unhandled error");
      return reply.status(500).send(errorBody(new CompetencyError("INTERNAL")));
    }
    const status = STATUS_BY_CODE[known.code];
    if (status >= 500) {
      if (known.details?.expected === true || known.code === "SHUTTING_DOWN") {
        request.log.info({ code: known.code }, known.message);
        return reply.status(status).send(errorBody(known));
      }
      // Server-side details (paths, causes) go to the log, not to the client.
      request.log.error({ err: known, cause: known.cause }, known.message);
      return reply.status(status).send(errorBody(new CompetencyError(known.code)));
    }
    if (known.code === "UNAUTHORIZED") reply.header("www-authenticate", 'Bearer realm="competency-api"');
    return reply.status(status).send(errorBody(known));
  });
  app.setNotFoundHandler((request, reply) => {
    const path = (request.url.split("?")[0] ?? "").slice(0, 200);
    const allowed = methods.allowed(path);
    if (allowed !== undefined && !allowed.includes(request.method)) {
      reply.header("allow", allowed.join(", "));
      const error = new CompetencyError(
        "METHOD_NOT_ALLOWED",
        `${request.method} ${path}; allowed: ${allowed.join(", ")}`,
      );
      return reply.status(405).send(errorBody(error));
    }
    const error = new CompetencyError("NOT_FOUND", `${request.method} ${path}`);
    return reply.status(404).send(errorBody(error));
  });
}
