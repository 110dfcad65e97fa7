import { MAX_BODY_BYTES } from "../defaults.js";
import { type Issue, throwIfIssues } from "../errors.js";
import * as D from "./service-defaults.js";

export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
export const LOG_LEVELS: readonly LogLevel[] = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

/** Options of the HTTP service. Every field is optional. */
export type ServiceOptions = {
  /** TCP port; 0 picks a free one. @default SERVICE_PORT (8080) */
  readonly port?: number;
  /** @default SERVICE_HOST ("127.0.0.1") */
  readonly host?: string;
  /** When set, `/v1/*` and `/metrics` require `Authorization: Bearer <apiKey>`. @default none */
  readonly apiKey?: string;
  /** @default MAX_BODY_BYTES (1 MiB) */
  readonly bodyLimitBytes?: number;
  /** Requests per client per window; 0 disables rate limiting. @default RATE_LIMIT_MAX (1,200) */
  readonly rateLimitMax?: number;
  /** @default RATE_LIMIT_WINDOW_MS (60,000) */
  readonly rateLimitWindowMs?: number;
  /** @default SERVICE_LOG_LEVEL ("info") */
  readonly logLevel?: LogLevel;
  /** Worker threads for rank and batch; 0 scores on the main thread. @default SERVICE_WORKERS (0) */
  readonly workers?: number;
  /** @default SHUTDOWN_GRACE_MS (10,000) */
  readonly shutdownGraceMs?: number;
  /**
   * Behind a reverse proxy: which `X-Forwarded-For` hops to trust for the client IP that rate limits key
   * on. `true` trusts every hop (only when the proxy strips client-sent values), a number trusts that
   * many hops, a string lists proxy addresses or CIDRs ("10.0.0.0/8,127.0.0.1"). Fastify's `trustProxy`.
   * @default false: the socket address is the client
   */
  readonly trustProxy?: boolean | number | string;
  /** Failed auth attempts per client IP per window before 429. @default AUTH_FAILURE_MAX (10) */
  readonly authFailureMax?: number;
  /** Scoring budget per request in candidate × required pairs. @default MAX_COST_PER_REQUEST (40,000) */
  readonly maxCostPerRequest?: number;
  /** Serve the playground page at `GET /`. @default true */
  readonly ui?: boolean;
};

export type ResolvedServiceOptions = {
  readonly port: number;
  readonly host: string;
  readonly apiKey: string | undefined;
  readonly bodyLimitBytes: number;
  readonly rateLimitMax: number;
  readonly rateLimitWindowMs: number;
  readonly logLevel: LogLevel;
  readonly workers: number;
  readonly shutdownGraceMs: number;
  readonly trustProxy: boolean | number | string;
  readonly authFailureMax: number;
  readonly maxCostPerRequest: number;
  readonly ui: boolean;
};

function checkInt(issues: Issue[], name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    issues.push({
      code: "out_of_range",
      path: [name],
      message: `${name} must be an integer in [${min}, ${max}], got ${value}`,
    });
  }
}

/** Fills defaults and validates every field at once; throws INVALID_CONFIG listing each bad option. */
export function resolveServiceOptions(options: ServiceOptions = {}): Readonly<ResolvedServiceOptions> {
  const resolved: ResolvedServiceOptions = {
    port: options.port ?? D.SERVICE_PORT,
    host: options.host ?? D.SERVICE_HOST,
    apiKey: options.apiKey,
    bodyLimitBytes: options.bodyLimitBytes ?? MAX_BODY_BYTES,
    rateLimitMax: options.rateLimitMax ?? D.RATE_LIMIT_MAX,
    rateLimitWindowMs: options.rateLimitWindowMs ?? D.RATE_LIMIT_WINDOW_MS,
    logLevel: options.logLevel ?? D.SERVICE_LOG_LEVEL,
    workers: options.workers ?? D.SERVICE_WORKERS,
    shutdownGraceMs: options.shutdownGraceMs ?? D.SHUTDOWN_GRACE_MS,
    trustProxy: options.trustProxy ?? false,
    authFailureMax: options.authFailureMax ?? D.AUTH_FAILURE_MAX,
    maxCostPerRequest: options.maxCostPerRequest ?? D.MAX_COST_PER_REQUEST,
    ui: options.ui ?? true,
  };
  const issues: Issue[] = [];
  checkInt(issues, "port", resolved.port, 0, 65_535);
  checkInt(issues, "bodyLimitBytes", resolved.bodyLimitBytes, 1, 2 ** 31 - 1);
  checkInt(issues, "rateLimitMax", resolved.rateLimitMax, 0, Number.MAX_SAFE_INTEGER);
  checkInt(issues, "rateLimitWindowMs", resolved.rateLimitWindowMs, 1, 2 ** 31 - 1);
  checkInt(issues, "workers", resolved.workers, 0, 256);
  checkInt(issues, "shutdownGraceMs", resolved.shutdownGraceMs, 0, 2 ** 31 - 1);
  checkInt(issues, "authFailureMax", resolved.authFailureMax, 1, Number.MAX_SAFE_INTEGER);
  checkInt(issues, "maxCostPerRequest", resolved.maxCostPerRequest, 1, Number.MAX_SAFE_INTEGER);
  const tp = resolved.trustProxy;
  if (
    !(
      typeof tp === "boolean" ||
      (typeof tp === "number" && Number.isInteger(tp) && tp >= 0) ||
      (typeof tp === "string" && tp.trim() !== "")
    )
  ) {
    issues.push({
      code: "invalid_type",
      path: ["trustProxy"],
      message: `trustProxy must be a boolean, a hop count or a list of addresses, got ${JSON.stringify(tp)}`,
    });
  }
  if (resolved.host.trim() === "")
    issues.push({ code: "blank", path: ["host"], message: 'host must not be blank, got ""' });
  if (resolved.apiKey !== undefined && resolved.apiKey.length === 0) {
    issues.push({ code: "blank", path: ["apiKey"], message: 'apiKey must not be empty when set, got ""' });
  }
  if (!LOG_LEVELS.includes(resolved.logLevel)) {
    issues.push({
      code: "unknown_value",
      path: ["logLevel"],
      message: `logLevel must be one of ${LOG_LEVELS.join(", ")}; got ${JSON.stringify(resolved.logLevel)}`,
    });
  }
  throwIfIssues(issues, "INVALID_CONFIG");
  return Object.freeze(resolved);
}
