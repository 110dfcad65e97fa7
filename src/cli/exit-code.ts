import { CompetencyError, type ErrorCode } from "../errors.js";
import { escapeNonPrintable } from "../validate/escape-non-printable.js";

/** SPEC §4 exit codes. */
export const EXIT_OK = 0;
export const EXIT_CHECK_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 3;

/** Codes caused by what the user passed in (files, flags, env): exit 2. Everything else is internal: 3. */
const USER_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  "INVALID_INPUT",
  "INVALID_CONFIG",
  "LIMIT_EXCEEDED",
  "FILE_NOT_FOUND",
  "FILE_UNREADABLE",
  "FILE_UNWRITABLE",
  "INVALID_JSON",
  "SCHEMA_MISMATCH",
  "BASELINE_MISSING",
  "ALLOCATOR_UNAVAILABLE",
  "UNAUTHORIZED",
  "PAYLOAD_TOO_LARGE",
  "BUDGET_EXCEEDED",
]);

/** Exit code for an error that ended a command. A distributed run whose shard failed for good is a failed check (1). */
export function exitCodeFor(error: unknown): number {
  if (error instanceof CompetencyError && error.code === "SHARD_FAILED") return EXIT_CHECK_FAILED;
  return error instanceof CompetencyError && USER_CODES.has(error.code) ? EXIT_USAGE : EXIT_INTERNAL;
}

/**
 * The one stderr line of SPEC §4: `error[CODE]: message`. Non-printable characters are escaped (JSON
 * parse errors quote raw input, which could otherwise clear or recolour the terminal), and so are newlines.
 */
export function formatErrorLine(error: unknown): string {
  if (error instanceof CompetencyError) return `error[${error.code}]: ${escapeNonPrintable(error.message)}\n`;
  const message = error instanceof Error ? error.message : String(error);
  return `error[INTERNAL]: ${escapeNonPrintable(message.split("\n")[0] ?? "")}\n`;
}
