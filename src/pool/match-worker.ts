/**
 * Piscina worker: builds its own matcher from `workerData.matcherOptions` (the model store is already on
 * disk; loading it takes well under 100 ms) and scores chunks. Named exports are selected with `{ name }`.
 */
import { workerData } from "node:worker_threads";
import { createMatcher } from "../index.js";
import type { MatcherOptions } from "../matcher-types.js";
import type { ChunkTask } from "../shards/chunk-task.js";
import { scoreChunk, summarizeChunk } from "../shards/score-chunk.js";

const matcher = createMatcher((workerData as { matcherOptions: MatcherOptions }).matcherOptions);

export function warm(): Promise<void> {
  return matcher.ready();
}

export function full(task: ChunkTask) {
  return scoreChunk(matcher, task);
}

export function summary(task: ChunkTask) {
  return summarizeChunk(matcher, task);
}
