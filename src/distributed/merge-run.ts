import { mergeTopK } from "../shards/merge-top-k.js";
import type { BatchShardResult, RankShardResult, RunJobData, RunResult, ShardResult } from "./job-types.js";

/** The reduce step: merges verified shard results (in shard order) into the run's result. */
export function mergeRun(run: RunJobData, shards: readonly ShardResult[]): RunResult {
  if (run.kind === "rank") {
    const rank = shards as readonly RankShardResult[];
    return {
      kind: "rank",
      top: mergeTopK(
        rank.map((s) => s.top),
        run.top,
      ),
      errors: rank.flatMap((s) => s.errors),
      errorCount: rank.reduce((n, s) => n + s.errorCount, 0),
      shards: shards.length,
    };
  }
  const batch = shards as readonly BatchShardResult[];
  return {
    kind: "batch",
    parts: batch.map((s) => ({ outPath: s.outPath, outSha256: s.outSha256, count: s.count })),
    bad: batch.reduce((n, s) => n + s.bad, 0),
    shards: shards.length,
  };
}
