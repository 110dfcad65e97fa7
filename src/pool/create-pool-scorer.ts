import type { EventLoopUtilization } from "node:perf_hooks";
import { Piscina } from "piscina";
import { createSharedEmbeddingCacheBuffers } from "../adapters/cache/shared-embedding-cache.js";
import { sharedStoreIndexes } from "../adapters/embedder/word-vectors/shared-store-index.js";
import { EMBEDDING_CACHE_SIZE, WORKER_OLD_GENERATION_MB, WORKER_YOUNG_GENERATION_MB } from "../defaults.js";
import type { MatcherOptions } from "../matcher-types.js";
import type { ChunkScorer } from "../shards/chunk-task.js";

/** Under tsx/vitest the worker is TypeScript source and goes through a tsx bootstrap; built code runs plain JS. */
const FROM_SOURCE = import.meta.url.endsWith(".ts");
/** Room per shared cache row: the default word vectors have 100 dimensions (workers always use them). */
const SHARED_CACHE_MAX_DIM = 128;
const WORKER_URL = new URL(FROM_SOURCE ? "./source-worker.mjs" : "./match-worker.js", import.meta.url);

/**
 * Scores chunks on `threads` worker threads, each holding its own matcher (one model copy per worker).
 * `matcherOptions` must be structured-cloneable: no embedder instance or callbacks.
 *
 * @param rowDim room per row of the shared embedding cache: the workers' embedder dimension when the caller
 *   knows it (a row is written only as far as the cache fills, so each float of room above the real
 *   dimension costs RSS: 28 floats × ~52,000 names ≈ 6 MB over 100,000 lines). @default 128
 */
export function createPoolScorer(
  threads: number,
  matcherOptions: MatcherOptions,
  rowDim = SHARED_CACHE_MAX_DIM,
): ChunkScorer {
  const pool = new Piscina({
    filename: WORKER_URL.href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Number.POSITIVE_INFINITY,
    resourceLimits: {
      maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB,
      maxOldGenerationSizeMb: WORKER_OLD_GENERATION_MB,
    },
    // One copy for all workers: the model store's index this thread loaded, and the embedding cache.
    workerData: {
      matcherOptions,
      sharedStores: sharedStoreIndexes(),
      sharedCache: createSharedEmbeddingCacheBuffers(2 * EMBEDDING_CACHE_SIZE, rowDim),
    },
  });
  let used: { name: string; elu: EventLoopUtilization }[] = [];
  return {
    rank: (task) => pool.run(task, { name: "rank" }),
    rankLines: (task) => pool.run(task, { name: "rankLines" }),
    // The chunk's bytes move to the worker (no copy, and nothing left for this thread to collect).
    rankBytes: (task) =>
      pool.run(task, { name: "rankBytes", transferList: [task.bytes.buffer as ArrayBuffer] }),
    full: (task) => pool.run(task, { name: "full" }),
    summary: (task) => pool.run(task, { name: "summary" }),
    // One task per thread: with minThreads = maxThreads and all tasks queued at once, each thread takes one.
    async warm() {
      await Promise.all(Array.from({ length: threads }, () => pool.run(undefined, { name: "warm" })));
    },
    parallelism: threads,
    async close() {
      used = pool.threads.map((worker, k) => ({
        name: `worker ${k + 1}`,
        elu: worker.performance.eventLoopUtilization(),
      }));
      await pool.destroy();
    },
    threadUse: () => used,
  };
}
