/**
 * Piscina worker: builds its own matcher from `workerData.matcherOptions` (the model store is already on
 * disk; loading it takes well under 100 ms) and scores chunks. Named exports are selected with `{ name }`.
 */
import { workerData } from "node:worker_threads";
import {
  openSharedEmbeddingCache,
  type SharedEmbeddingCacheBuffers,
} from "../adapters/cache/shared-embedding-cache.js";
import {
  adoptSharedStoreIndexes,
  type SharedStoreIndex,
} from "../adapters/embedder/word-vectors/shared-store-index.js";
import { createMatcher } from "../index.js";
import type { MatcherOptions } from "../matcher-types.js";
import type { ChunkTask, RankBytesTask, RankLinesTask, RankTask } from "../shards/chunk-task.js";
import { rankChunk } from "../shards/rank-chunk.js";
import { rankByteChunk, rankLineChunk } from "../shards/rank-line-chunk.js";
import { scoreChunk, summarizeChunk } from "../shards/score-chunk.js";

const data = workerData as {
  matcherOptions: MatcherOptions;
  sharedStores?: SharedStoreIndex[];
  sharedCache?: SharedEmbeddingCacheBuffers;
};
// The parts every worker shares with the others (see create-pool-scorer.ts), then its own matcher.
adoptSharedStoreIndexes(data.sharedStores);
const matcher = createMatcher({
  ...data.matcherOptions,
  ...(data.sharedCache === undefined ? {} : { cache: openSharedEmbeddingCache(data.sharedCache) }),
});

export function warm(): Promise<void> {
  return matcher.ready();
}

export function rank(task: RankTask) {
  return rankChunk(matcher, task);
}

export function rankLines(task: RankLinesTask) {
  return rankLineChunk(matcher, task);
}

export function rankBytes(task: RankBytesTask) {
  return rankByteChunk(matcher, task);
}

export function full(task: ChunkTask) {
  return scoreChunk(matcher, task);
}

export function summary(task: ChunkTask) {
  return summarizeChunk(matcher, task);
}
