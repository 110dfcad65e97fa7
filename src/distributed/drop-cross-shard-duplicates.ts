import type { Redis } from "ioredis";
import { CompetencyError } from "../errors.js";
import { decodeIdDigest } from "../shards/id-digest.js";
import { duplicateLineError, rankLineId } from "../shards/rank-lines.js";
import { readNdjsonRange } from "../sources/ndjson-ranges.js";
import { DUPLICATE_MARGIN } from "./distributed-defaults.js";
import type { RankShardResult, RunJobData, ShardErrorLine, ShardResult } from "./job-types.js";
import { idKeyOf, keysInSeveralShards } from "./keys-in-several-shards.js";

/** Lines (by shard) whose id hash also occurs in another shard: the only lines that can repeat an id. */
export function collidingLines(
  shards: readonly RankShardResult[],
  digests: readonly (Uint8Array | null)[],
): Map<number, number[]> {
  const decoded = digests.map((d) => (d === null ? new Uint32Array(0) : decodeIdDigest(d)));
  const colliding = keysInSeveralShards(decoded);
  const out = new Map<number, number[]>();
  if (colliding.size === 0) return out;
  decoded.forEach((w, s) => {
    const base = shards[s]?.file?.firstLineNo ?? 0;
    const lines: number[] = [];
    for (let k = 0; k < w.length; k += 3)
      if (colliding.has(idKeyOf(w[k] as number, w[k + 1] as number))) lines.push(base + (w[k + 2] as number));
    if (lines.length > 0) out.set(s, lines);
  });
  return out;
}

/**
 * Finds the lines of a file rank run whose id an earlier shard already used, and makes the shard results
 * say what the in-process rank says: each such line is an `error[INVALID_INPUT]: line N: id: duplicate id
 * …, first used by line M` and is not ranked. Shards send a digest of their accepted ids (hash + line);
 * only lines whose hashes meet in two shards are read back from the file to compare the exact ids.
 * Shards return K + DUPLICATE_MARGIN entries; if more of one shard's best lines are dropped than that, the
 * merged top K could be wrong, and the run fails with RUN_INCONSISTENT instead.
 */
export async function dropCrossShardDuplicates(
  run: RunJobData,
  results: readonly ShardResult[],
  redis: Redis,
): Promise<ShardResult[]> {
  if (run.kind !== "rank") return [...results];
  const shards = results as readonly RankShardResult[];
  const keys = shards.flatMap((s) => (s.idsKey === undefined ? [] : [s.idsKey]));
  if (keys.length === 0) return [...shards];
  const stored = await redis.mgetBuffer(...keys);
  const missing = stored.indexOf(null);
  if (missing >= 0)
    throw new CompetencyError("RUN_INCONSISTENT", `run ${run.runId}: id digest ${keys[missing]} is missing`);
  let k = 0;
  const digests = shards.map((s) => (s.idsKey === undefined ? null : (stored[k++] as Buffer)));
  const out = await dropDuplicateLines(run, shards, collidingLines(shards, digests));
  // Only now: if this worker dies before here, the retried run job still finds the digests.
  await redis.del(...keys);
  return out;
}

async function dropDuplicateLines(
  run: RunJobData,
  shards: readonly RankShardResult[],
  candidates: ReadonlyMap<number, readonly number[]>,
): Promise<ShardResult[]> {
  if (candidates.size === 0) return [...shards];
  const found: { lineNo: number; shard: number; id: string }[] = [];
  for (const [s, lineNos] of candidates) {
    const shard = shards[s] as RankShardResult;
    const file = shard.file;
    if (file === undefined) continue;
    const range = await readNdjsonRange(file.path, { ...file, sha256: shard.sha256 });
    const wanted = new Set(lineNos);
    for (const chunk of range.chunks(1024))
      for (const line of chunk) {
        if (!wanted.has(line.lineNo)) continue;
        const id = rankLineId(line);
        if (id !== undefined) found.push({ lineNo: line.lineNo, shard: s, id });
      }
  }
  found.sort((a, b) => a.lineNo - b.lineNo);
  const first = new Map<string, number>();
  const dropped = new Map<number, { id: string; firstLineNo: number; shard: number }>();
  for (const f of found) {
    const at = first.get(f.id);
    if (at === undefined) first.set(f.id, f.lineNo);
    else dropped.set(f.lineNo, { id: f.id, firstLineNo: at, shard: f.shard });
  }
  if (dropped.size === 0) return [...shards];
  return shards.map((shard, s) => {
    // In-process a repeated id is caught before scoring, so a scoring error of that line never shows.
    const superseded = shard.errors.filter((e) => dropped.get(e.lineNo)?.shard === s).length;
    const kept =
      superseded === 0 ? shard.errors : shard.errors.filter((e) => dropped.get(e.lineNo)?.shard !== s);
    const errors: ShardErrorLine[] = kept.map((e) => {
      // A repeat inside this shard pointed at this shard's first use, which an earlier shard now precedes.
      const issue = e.error.issues?.[0];
      const local = issue?.code === "duplicate_id" ? /first used by line (\d+)$/.exec(e.error.message) : null;
      const moved = local === null ? undefined : dropped.get(Number(local[1]));
      return moved === undefined
        ? e
        : { lineNo: e.lineNo, error: duplicateLineError(moved.id, e.lineNo, moved.firstLineNo) };
    });
    let added = 0;
    for (const [lineNo, d] of dropped)
      if (d.shard === s) {
        errors.push({ lineNo, error: duplicateLineError(d.id, lineNo, d.firstLineNo) });
        added++;
      }
    if (added === 0) return { ...shard, errors };
    errors.sort((a, b) => a.lineNo - b.lineNo);
    const top = shard.top.filter((e) => !dropped.has(e.lineNo));
    if (shard.top.length === run.top + DUPLICATE_MARGIN && top.length < run.top)
      throw new CompetencyError(
        "RUN_INCONSISTENT",
        `shard ${s}: more than ${DUPLICATE_MARGIN} of its best lines repeat ids of earlier shards; rank this input in-process`,
      );
    return { ...shard, top, errors, errorCount: shard.errorCount + added - superseded };
  });
}
