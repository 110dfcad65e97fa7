/**
 * The one error type of competency-api. `code` is stable and machine-readable; the message text lives in
 * MESSAGES so that wording can change without breaking callers that switch on the code.
 */

export type ErrorCode =
  | "INVALID_INPUT"
  | "INVALID_CONFIG"
  | "LIMIT_EXCEEDED"
  | "DIMENSION_MISMATCH"
  | "MODEL_UNAVAILABLE"
  | "CACHE_CORRUPT"
  | "FILE_NOT_FOUND"
  | "FILE_UNREADABLE"
  | "FILE_UNWRITABLE"
  | "INVALID_JSON"
  | "SCHEMA_MISMATCH"
  | "BASELINE_MISSING"
  | "ALLOCATOR_UNAVAILABLE"
  | "UNAUTHORIZED"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "PAYLOAD_TOO_LARGE"
  | "NOT_FOUND"
  | "RATE_LIMITED"
  | "CLOSED"
  | "REDIS_UNAVAILABLE"
  | "SHARD_FAILED"
  | "INPUT_CHANGED"
  | "RUN_INCONSISTENT"
  | "METHOD_NOT_ALLOWED"
  | "HEADERS_TOO_LARGE"
  | "BUDGET_EXCEEDED"
  | "SHUTTING_DOWN"
  | "INTERNAL";

/** One problem found while validating input, named by its JSON path. */
export type Issue = {
  readonly code: IssueCode;
  /** JSON path of the offending value, e.g. `["required", 2, "level", "max"]`. */
  readonly path: readonly (string | number)[];
  readonly message: string;
};

export type IssueCode =
  | "invalid_type"
  | "empty"
  | "blank"
  | "too_long"
  | "too_many"
  | "out_of_range"
  | "not_finite"
  | "unknown_value"
  | "unknown_key"
  | "forbidden_key"
  | "control_character"
  | "duplicate_id";

export const MESSAGES: Readonly<Record<ErrorCode, string>> = {
  INVALID_INPUT: "invalid input",
  INVALID_CONFIG: "invalid configuration",
  LIMIT_EXCEEDED: "input exceeds a configured limit",
  DIMENSION_MISMATCH: "embedding dimensions do not match",
  MODEL_UNAVAILABLE: "embedding model unavailable",
  CACHE_CORRUPT: "model cache is corrupt",
  FILE_NOT_FOUND: "file not found",
  FILE_UNREADABLE: "file cannot be read",
  FILE_UNWRITABLE: "file cannot be written",
  INVALID_JSON: "not valid JSON",
  SCHEMA_MISMATCH: "file does not match the expected schema",
  BASELINE_MISSING: "baseline results are missing",
  ALLOCATOR_UNAVAILABLE: "allocator library not found",
  UNAUTHORIZED: "missing or invalid API key",
  UNSUPPORTED_MEDIA_TYPE: "unsupported content type",
  PAYLOAD_TOO_LARGE: "request body too large",
  NOT_FOUND: "not found",
  RATE_LIMITED: "too many requests",
  CLOSED: "matcher is closed",
  REDIS_UNAVAILABLE: "Redis cannot be reached",
  SHARD_FAILED: "a shard failed for good",
  INPUT_CHANGED: "input changed while the run was in progress",
  RUN_INCONSISTENT: "shard results do not add up to the manifest",
  METHOD_NOT_ALLOWED: "method not allowed",
  HEADERS_TOO_LARGE: "request headers or URL too large",
  BUDGET_EXCEEDED: "request exceeds the scoring budget",
  SHUTTING_DOWN: "the service is shutting down",
  INTERNAL: "internal error",
};

export type CompetencyErrorDetails = {
  readonly issues?: readonly Issue[];
  readonly [key: string]: unknown;
};

export class CompetencyError extends Error {
  override readonly name = "CompetencyError";
  readonly code: ErrorCode;
  readonly details: CompetencyErrorDetails | undefined;

  /** `message` adds specifics (the bad value, the file) to the code's base text. */
  constructor(
    code: ErrorCode,
    message?: string,
    options?: { details?: CompetencyErrorDetails; cause?: unknown },
  ) {
    super(message === undefined ? MESSAGES[code] : `${MESSAGES[code]}: ${message}`, {
      cause: options?.cause,
    });
    this.code = code;
    this.details = options?.details;
  }

  /** The issues collected by boundary validation, or an empty list. */
  get issues(): readonly Issue[] {
    return this.details?.issues ?? [];
  }
}

/** Formats a path like `required[2].level.max`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const part of path) out += typeof part === "number" ? `[${part}]` : out === "" ? part : `.${part}`;
  return out === "" ? "(root)" : out;
}

/** Throws one INVALID_INPUT error listing every issue, or returns when there are none. */
export function throwIfIssues(issues: readonly Issue[], code: ErrorCode = "INVALID_INPUT"): void {
  if (issues.length === 0) return;
  const first = issues[0] as Issue;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  throw new CompetencyError(code, `${formatPath(first.path)}: ${first.message}${more}`, {
    details: { issues },
  });
}
