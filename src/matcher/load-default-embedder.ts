import { homedir } from "node:os";
import type { MatcherOptions } from "../matcher-types.js";
import type { Embedder } from "../ports.js";

/** The default word-vector embedder, imported on first use so callers with their own embedder never load it. */
export async function loadDefaultEmbedder(
  cacheDir: string | undefined,
  onProgress: MatcherOptions["onProgress"],
): Promise<Embedder> {
  const [{ createWordVectorEmbedder }, { resolveCacheDir }] = await Promise.all([
    import("../adapters/embedder/word-vectors/create-word-vector-embedder.js"),
    import("../adapters/embedder/resolve-cache-dir.js"),
  ]);
  // The one place the library reads the environment: the XDG cache convention users expect from a CLI tool.
  return createWordVectorEmbedder({
    cacheDir: cacheDir ?? resolveCacheDir(process.env, homedir()),
    ...(onProgress ? { onProgress } : {}),
  });
}
