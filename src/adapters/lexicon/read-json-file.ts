import { readFileSync } from "node:fs";
import { CompetencyError } from "../../errors.js";

/** Raw text and parsed value of a JSON file. */
export type JsonFile = { readonly text: string; readonly value: unknown };

/**
 * Reads and parses a JSON file synchronously.
 *
 * @throws CompetencyError FILE_NOT_FOUND (missing), FILE_UNREADABLE (other I/O errors) or INVALID_JSON,
 * always with the original error as `cause`.
 */
export function readJsonFile(path: string): JsonFile {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === "ENOENT";
    throw new CompetencyError(missing ? "FILE_NOT_FOUND" : "FILE_UNREADABLE", path, { cause });
  }
  try {
    return { text, value: JSON.parse(text) as unknown };
  } catch (cause) {
    throw new CompetencyError("INVALID_JSON", `${path}: ${(cause as Error).message}`, { cause });
  }
}
