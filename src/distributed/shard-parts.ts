import type { Redis } from "ioredis";
import { CompetencyError } from "../errors.js";
import type { RankShardResult, RunJobData, ShardErrorLine, ShardResult, ShardTopEntry } from "./job-types.js";

/**
 * Puts back the top lists and bad lines that rank shards left in Redis (`partKey`), in one MGET. A missing
 * part (expired, or deleted by an earlier merge of the same run) is RUN_INCONSISTENT, never an empty shard.
 */
export async function loadShardParts(
  run: RunJobData,
  results: readonly ShardResult[],
  redis: Redis,
): Promise<ShardResult[]> {
  const keys = results.flatMap((r) => (r.kind === "rank" && r.partKey !== undefined ? [r.partKey] : []));
  if (keys.length === 0) return [...results];
  const stored = await redis.mgetBuffer(...keys);
  const missing = stored.indexOf(null);
  if (missing >= 0)
    throw new CompetencyError("RUN_INCONSISTENT", `run ${run.runId}: shard part ${keys[missing]} is missing`);
  let k = 0;
  return results.map((r) => {
    if (r.kind !== "rank" || r.partKey === undefined) return r;
    const part = JSON.parse((stored[k++] as Buffer).toString()) as {
      top: ShardTopEntry[];
      errors: ShardErrorLine[];
    };
    return { ...(r as RankShardResult), top: part.top, errors: part.errors };
  });
}

/** Deletes the parts once the run's result is computed (a failed merge leaves them for a retry). */
export async function deleteShardParts(results: readonly ShardResult[], redis: Redis): Promise<void> {
  const keys = results.flatMap((r) => (r.kind === "rank" && r.partKey !== undefined ? [r.partKey] : []));
  if (keys.length > 0) await redis.del(...keys);
}
