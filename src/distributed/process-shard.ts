import { createHash } from "node:crypto";
import { rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type pg from "pg";
import type { RequiredSkill } from "../core/types.js";
import { CompetencyError } from "../errors.js";
import { batchLines } from "../shards/batch-lines.js";
import type { ChunkScorer } from "../shards/chunk-task.js";
import { encodeIdDigest } from "../shards/id-digest.js";
import { rankLines } from "../shards/rank-lines.js";
import { createTopK } from "../shards/top-k.js";
import { type LineChunks, readNdjsonRange } from "../sources/ndjson-ranges.js";
import { readKeyRange } from "../sources/postgres-keyset.js";
import {
  DUPLICATE_MARGIN,
  SHARD_CHUNK_LINES,
  SHARD_MAX_ERRORS,
  SHARD_RANK_CHUNK_LINES,
} from "./distributed-defaults.js";
import type { ShardErrorLine, ShardJobData, ShardResult, ShardTopEntry } from "./job-types.js";

/**
 * What a shard needs from its host: the scorer, the role by key, and a progress callback (lines done). Rank
 * chunks go through `scorer.rank`, as the in-process `rank` does.
 */
export type ShardHost = {
  readonly scorer: ChunkScorer;
  readonly role: (key: string) => Promise<readonly RequiredSkill[]>;
  readonly progress: (linesDone: number) => Promise<void>;
  /** A connected PostgreSQL client for `url` (the host keeps it across shards). Needed by table shards. */
  readonly postgres?: (url: string) => Promise<pg.Client>;
  /** Stores bytes under a Redis key for the run job (with a TTL). Needed by rank shards. */
  readonly store?: (key: string, bytes: Buffer) => Promise<void>;
};

async function save(host: ShardHost, key: string, bytes: Buffer): Promise<string> {
  if (host.store === undefined)
    throw new CompetencyError("INVALID_INPUT", "this worker cannot store shard parts");
  await host.store(key, bytes);
  return key;
}

async function readShard(host: ShardHost, data: ShardJobData): Promise<LineChunks> {
  if (data.source === "file") return readNdjsonRange(data.path, data);
  if (host.postgres === undefined)
    throw new CompetencyError("INVALID_INPUT", "this worker cannot read PostgreSQL shards");
  return readKeyRange(await host.postgres(data.url), data.table, data);
}

/**
 * Scores one shard: reads its byte range (checking the checksum), scores it chunk by chunk with the same
 * code as the in-process commands, and returns the local top K (rank) or writes its output file (batch).
 */
export async function processShard(host: ShardHost, data: ShardJobData): Promise<ShardResult> {
  const { chunks, physicalLines } = await readShard(host, data);
  if (data.kind === "rank") {
    const role = await host.role(data.roleKey);
    // A file may repeat an id in another shard: the run job finds those lines from the id digest and drops
    // them, so a shard keeps a few more than K to stand in for them. Table shards never split an id.
    const keep = data.source === "file" ? data.top + DUPLICATE_MARGIN : data.top;
    const top = createTopK<ShardTopEntry>(keep);
    const errors: ShardErrorLine[] = [];
    let errorCount = 0;
    const seen = new Map<string, number>();
    // Each chunk returns only what can still enter this shard's top (the bar of the lines before it).
    const rankTop = { top: keep, bar: () => top.bar };
    let done = 0;
    for (const chunk of chunks(SHARD_RANK_CHUNK_LINES)) {
      const out = await rankLines(
        host.scorer,
        role,
        { strategy: data.strategy },
        data.full,
        chunk,
        seen,
        rankTop,
      );
      for (const r of out.ranked) top.push({ score: r.result.overallScore, index: r.lineNo, value: r });
      for (const e of out.errors) if (errorCount++ < SHARD_MAX_ERRORS) errors.push(e);
      done += chunk.length;
      await host.progress(done);
    }
    return {
      kind: "rank",
      shard: data.shard,
      sha256: data.sha256,
      lines: physicalLines,
      top: [],
      errors: [],
      errorCount,
      partKey: await save(
        host,
        data.partKey,
        Buffer.from(JSON.stringify({ top: top.sorted().map((r) => r.value), errors })),
      ),
      ...(data.source === "file"
        ? {
            idsKey: await save(host, data.idsKey, encodeIdDigest(seen, data.firstLineNo)),
            file: { path: data.path, start: data.start, end: data.end, firstLineNo: data.firstLineNo },
          }
        : {}),
    };
  }
  if (data.kind !== "batch") throw new CompetencyError("INVALID_INPUT", "unknown shard kind");
  let text = "";
  let count = 0;
  let bad = 0;
  let done = 0;
  for (const chunk of chunks(SHARD_CHUNK_LINES)) {
    const out = await batchLines(host.scorer, { strategy: data.strategy }, chunk);
    text += out.text;
    count += out.count;
    bad += out.bad;
    done += chunk.length;
    await host.progress(done);
  }
  const outPath = join(data.outDir, `${data.runId}-${data.shard}.ndjson`);
  try {
    // Written whole, then renamed: a retried shard replaces its own file, never half of it.
    await writeFile(`${outPath}.tmp`, text);
    await rename(`${outPath}.tmp`, outPath);
  } catch (cause) {
    throw new CompetencyError("FILE_UNWRITABLE", JSON.stringify(outPath), { cause });
  }
  const outSha256 = createHash("sha256").update(text).digest("hex");
  return {
    kind: "batch",
    shard: data.shard,
    sha256: data.sha256,
    lines: physicalLines,
    outPath,
    outSha256,
    count,
    bad,
  };
}
