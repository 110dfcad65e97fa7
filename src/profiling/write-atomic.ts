import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { CompetencyError } from "../errors.js";

/** Writes `text` to `path` through a temporary file and a rename, so a failed run never leaves half a file. */
export function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (cause) {
    throw new CompetencyError("FILE_UNWRITABLE", path, { cause });
  }
}
