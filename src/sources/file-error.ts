import { CompetencyError } from "../errors.js";

/** How an input path is named in messages: stdin for `-`, else the quoted path. */
export const where = (path: string): string => (path === "-" ? "stdin" : JSON.stringify(path));

/**
 * The CompetencyError of a file that could not be opened or read, from the system error: FILE_NOT_FOUND for a
 * missing file, FILE_UNREADABLE with the reason (a directory, or the error code) otherwise; `cause` kept.
 */
export function fileError(path: string, cause: unknown): CompetencyError {
  const code = (cause as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return new CompetencyError("FILE_NOT_FOUND", JSON.stringify(path), { cause });
  if (code === "EISDIR")
    return new CompetencyError("FILE_UNREADABLE", `${where(path)} is a directory`, { cause });
  return new CompetencyError("FILE_UNREADABLE", `${where(path)} (${code ?? "unknown error"})`, { cause });
}
