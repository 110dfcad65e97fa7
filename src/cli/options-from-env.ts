import { join } from "node:path";
import type { EngineName } from "../core/types.js";
import { type Issue, throwIfIssues } from "../errors.js";
import { LOG_LEVELS, type LogLevel, type ServiceOptions } from "../service/service-options.js";

type Env = Readonly<Record<string, string | undefined>>;

/** What the environment contributes to a run. Command-line flags override these. */
export type EnvOptions = {
  readonly service: ServiceOptions;
  readonly matcher: { readonly cacheDir?: string; readonly engine?: EngineName };
  /** COMPETENCY_WORKERS: worker threads for batch and rank. */
  readonly workers?: number;
};

const ENGINES: readonly EngineName[] = ["reference", "optimized"];

function intVar(env: Env, name: string, min: number, max: number, issues: Issue[]): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return undefined;
  const value = Number(raw.trim());
  if (!Number.isInteger(value) || value < min || value > max) {
    issues.push({
      code: "out_of_range",
      path: ["env", name],
      message: `${name} must be an integer in [${min}, ${max}], got ${JSON.stringify(raw)}`,
    });
    return undefined;
  }
  return value;
}

function nonEmpty(env: Env, name: string): string | undefined {
  const raw = env[name];
  return raw === undefined || raw.trim() === "" ? undefined : raw;
}

/**
 * Reads PORT, HOST, COMPETENCY_API_KEY, COMPETENCY_RATE_LIMIT, COMPETENCY_TRUST_PROXY ("true", "false", a hop
 * count, or proxy addresses/CIDRs), COMPETENCY_MAX_COST, COMPETENCY_LOG_LEVEL, COMPETENCY_WORKERS,
 * COMPETENCY_UI (0 turns the playground off),
 * COMPETENCY_ENGINE and the cache directory (COMPETENCY_CACHE_DIR, else $XDG_CACHE_HOME/competency-api,
 * else $HOME/.cache/competency-api). Pure: the caller passes the environment. Empty variables count as unset.
 * Throws INVALID_CONFIG listing every malformed variable.
 */
export function optionsFromEnv(env: Env): EnvOptions {
  const issues: Issue[] = [];
  const service: { -readonly [K in keyof ServiceOptions]: ServiceOptions[K] } = {};
  const port = intVar(env, "PORT", 0, 65_535, issues);
  if (port !== undefined) service.port = port;
  const host = nonEmpty(env, "HOST");
  if (host !== undefined) service.host = host.trim();
  const apiKey = nonEmpty(env, "COMPETENCY_API_KEY");
  if (apiKey !== undefined) service.apiKey = apiKey;
  const rateLimit = intVar(env, "COMPETENCY_RATE_LIMIT", 0, Number.MAX_SAFE_INTEGER, issues);
  if (rateLimit !== undefined) service.rateLimitMax = rateLimit;
  const logLevel = nonEmpty(env, "COMPETENCY_LOG_LEVEL");
  if (logLevel !== undefined) {
    if ((LOG_LEVELS as readonly string[]).includes(logLevel)) service.logLevel = logLevel as LogLevel;
    else {
      issues.push({
        code: "unknown_value",
        path: ["env", "COMPETENCY_LOG_LEVEL"],
        message: `COMPETENCY_LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}; got ${JSON.stringify(logLevel)}`,
      });
    }
  }
  const trustProxy = nonEmpty(env, "COMPETENCY_TRUST_PROXY");
  if (trustProxy !== undefined) service.trustProxy = parseTrustProxy(trustProxy.trim());
  const maxCost = intVar(env, "COMPETENCY_MAX_COST", 1, Number.MAX_SAFE_INTEGER, issues);
  if (maxCost !== undefined) service.maxCostPerRequest = maxCost;
  const workers = intVar(env, "COMPETENCY_WORKERS", 0, 256, issues);
  if (workers !== undefined) service.workers = workers;
  const ui = nonEmpty(env, "COMPETENCY_UI");
  if (ui !== undefined) {
    if (ui.trim() === "0" || ui.trim() === "1") service.ui = ui.trim() === "1";
    else {
      issues.push({
        code: "unknown_value",
        path: ["env", "COMPETENCY_UI"],
        message: `COMPETENCY_UI must be 0 or 1; got ${JSON.stringify(ui)}`,
      });
    }
  }

  const matcher: { cacheDir?: string; engine?: EngineName } = {};
  const cacheDir = cacheDirFromEnv(env);
  if (cacheDir !== undefined) matcher.cacheDir = cacheDir;
  const engine = nonEmpty(env, "COMPETENCY_ENGINE");
  if (engine !== undefined) {
    if ((ENGINES as readonly string[]).includes(engine)) matcher.engine = engine as EngineName;
    else {
      issues.push({
        code: "unknown_value",
        path: ["env", "COMPETENCY_ENGINE"],
        message: `COMPETENCY_ENGINE must be one of ${ENGINES.join(", ")}; got ${JSON.stringify(engine)}`,
      });
    }
  }
  throwIfIssues(issues, "INVALID_CONFIG");
  return workers === undefined ? { service, matcher } : { service, matcher, workers };
}

/** Same order as the library's resolveCacheDir; undefined lets the matcher fall back to os.homedir(). */
function cacheDirFromEnv(env: Env): string | undefined {
  const explicit = nonEmpty(env, "COMPETENCY_CACHE_DIR");
  if (explicit !== undefined) return explicit;
  const xdg = nonEmpty(env, "XDG_CACHE_HOME");
  if (xdg !== undefined) return join(xdg, "competency-api");
  const home = nonEmpty(env, "HOME");
  return home === undefined ? undefined : join(home, ".cache", "competency-api");
}

/** COMPETENCY_TRUST_PROXY: "true" / "false", a hop count ("1"), or addresses and CIDRs ("10.0.0.0/8,127.0.0.1"). */
function parseTrustProxy(raw: string): boolean | number | string {
  if (raw === "true") return true;
  if (raw === "false") return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw;
}
