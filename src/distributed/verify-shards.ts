import { CompetencyError } from "../errors.js";
import type { RunJobData, ShardResult } from "./job-types.js";
import { sha256Hex, shardJobId } from "./run-id.js";

/**
 * Checks that every shard of the manifest was counted exactly once: the children's ids are exactly the
 * manifest's, their checksums hash to the manifest's, and their line counts add up to the input's.
 * `values` is BullMQ's getChildrenValues(): child job key → return value. Returns the results in shard order.
 */
export function verifyShards(run: RunJobData, values: Readonly<Record<string, unknown>>): ShardResult[] {
  const byId = new Map<string, ShardResult>();
  for (const [key, value] of Object.entries(values))
    byId.set(key.slice(key.lastIndexOf(":") + 1), value as ShardResult);
  const ordered: ShardResult[] = [];
  const problems: string[] = [];
  for (let i = 0; i < run.shards; i++) {
    const r = byId.get(shardJobId(run.kind, run.runId, i));
    if (r === undefined || r.shard !== i) problems.push(`shard ${i} missing`);
    else ordered.push(r);
  }
  if (byId.size !== run.shards) problems.push(`${byId.size} results for ${run.shards} shards`);
  const lines = ordered.reduce((sum, r) => sum + r.lines, 0);
  if (problems.length === 0 && lines !== run.lines)
    problems.push(`${lines} lines counted, ${run.lines} in the input`);
  if (problems.length === 0 && sha256Hex(ordered.map((r) => r.sha256).join("\n")) !== run.manifestSha256)
    problems.push("shard checksums differ from the manifest");
  if (problems.length > 0)
    throw new CompetencyError("RUN_INCONSISTENT", `run ${run.runId}: ${problems.join("; ")}`);
  return ordered;
}
