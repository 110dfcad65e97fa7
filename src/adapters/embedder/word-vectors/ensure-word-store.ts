import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { CompetencyError } from "../../../errors.js";
import type { ProgressEvent } from "../../../matcher-types.js";
import { withBuildLock } from "./build-lock.js";
import { buildStore } from "./build-store.js";
import { loadStore, type WordStore } from "./load-store.js";
import type { WinkSource } from "./resolve-wink-source.js";
import { STORE_FORMAT_VERSION } from "./store-format.js";
import { isVerified } from "./verified-stamp.js";

/** Progress task label of a first build. */
export const BUILD_TASK = "building model store";
/** Progress task label when an existing store failed verification and is rebuilt. */
export const REBUILD_TASK = "rebuilding corrupt model store";

/** File name of the store for a source version, so a package upgrade builds a fresh store. */
export function storeFileName(sourceVersion: string): string {
  return `wink-sg-100d-${sourceVersion}.q8v${STORE_FORMAT_VERSION}.bin`;
}

/**
 * Loads the store from `cacheDir`, building it first when it is missing and rebuilding it when it fails
 * verification (progress under REBUILD_TASK). Concurrent processes share one build through a lock file.
 *
 * @throws CompetencyError MODEL_UNAVAILABLE when the store can be neither loaded nor built
 */
export async function ensureWordStore(
  cacheDir: string,
  source: WinkSource,
  onProgress?: (event: ProgressEvent) => void,
): Promise<WordStore> {
  const storePath = join(cacheDir, storeFileName(source.sourceVersion));
  const first = tryLoad(storePath);
  if (!(first instanceof CompetencyError)) return first;
  try {
    mkdirSync(cacheDir, { recursive: true });
  } catch (cause) {
    throw new CompetencyError("MODEL_UNAVAILABLE", `cannot create cache directory ${cacheDir}`, { cause });
  }
  const task = first.code === "CACHE_CORRUPT" ? REBUILD_TASK : BUILD_TASK;
  return withBuildLock(`${storePath}.lock`, async () => {
    // Another process may have built it while this one waited for the lock.
    const again = tryLoad(storePath);
    if (!(again instanceof CompetencyError)) return again;
    await buildStore({
      sourcePath: source.sourcePath,
      storePath,
      sourceVersion: source.sourceVersion,
      task,
      ...(onProgress ? { onProgress } : {}),
    });
    return loadStore(storePath);
  });
}

/** The store, or the CompetencyError that says why it must be (re)built; other failures throw. */
function tryLoad(storePath: string): WordStore | CompetencyError {
  try {
    return loadStore(storePath, { verified: isVerified(storePath) });
  } catch (error) {
    if (
      error instanceof CompetencyError &&
      (error.code === "FILE_NOT_FOUND" || error.code === "CACHE_CORRUPT")
    ) {
      return error;
    }
    throw error;
  }
}
