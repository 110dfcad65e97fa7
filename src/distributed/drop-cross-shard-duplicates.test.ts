import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { encodeIdDigest } from "../shards/id-digest.js";
import { planNdjsonRanges } from "../sources/ndjson-ranges.js";
import { dropCrossShardDuplicates } from "./drop-cross-shard-duplicates.js";
import type { RankShardResult, RunJobData } from "./job-types.js";

const DIR = mkdtempSync(join(tmpdir(), "competency-dups-"));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

/** Shard results as file rank shards return them, for `ids` split into shards of `per` lines. */
async function shardsOf(ids: string[], per: number, top: (lineNo: number) => boolean) {
  const path = join(DIR, `f${ids.length}-${per}.jsonl`);
  writeFileSync(
    path,
    ids.map((id) => `{"id":"${id}","skills":[{"name":"Go","level":{"value":1,"max":5}}]}\n`).join(""),
  );
  const plan = await planNdjsonRanges(path, per);
  const store = new Map<string, Buffer>();
  const results: RankShardResult[] = plan.ranges.map((r) => {
    const seen = new Map<string, number>();
    for (let i = 0; i < r.lines; i++) seen.set(ids[r.firstLineNo - 1 + i] as string, r.firstLineNo + i);
    store.set(`k${r.index}`, encodeIdDigest(seen, r.firstLineNo));
    const entries = [...seen.values()]
      .filter(top)
      .map((lineNo) => ({ lineNo, id: ids[lineNo - 1] as string, result: { overallScore: 1 / lineNo } }));
    return {
      kind: "rank",
      shard: r.index,
      sha256: r.sha256,
      lines: r.lines,
      top: entries,
      errors: [],
      errorCount: 0,
      idsKey: `k${r.index}`,
      file: { path, start: r.start, end: r.end, firstLineNo: r.firstLineNo },
    };
  });
  const deleted: string[] = [];
  const redis = {
    mgetBuffer: async (...keys: string[]) => keys.map((k) => store.get(k) ?? null),
    del: async (...keys: string[]) => deleted.push(...keys),
  } as unknown as Redis;
  return { results, redis, deleted };
}

const run = (top: number, shards: number): RunJobData => ({
  kind: "rank",
  runId: "r",
  shards,
  lines: 0,
  manifestSha256: "",
  top,
});

describe("dropCrossShardDuplicates", () => {
  it("reports a later repeat as in-process, in place of its scoring error, and drops it from the top", async () => {
    const { results, redis, deleted } = await shardsOf(["a", "b", "a", "c"], 2, () => true);
    const scored = results[1] as RankShardResult;
    const withError = {
      ...scored,
      errors: [{ lineNo: 3, error: { code: "INVALID_INPUT" as const, message: "line 3: skills: bad" } }],
      errorCount: 1,
    };
    const out = (await dropCrossShardDuplicates(
      run(5, 2),
      [results[0], withError] as RankShardResult[],
      redis,
    )) as RankShardResult[];
    expect(out[1]?.errors.map((e) => e.error.message)).toEqual([
      'line 3: id: duplicate id "a", first used by line 1',
    ]);
    expect(out[1]?.errorCount).toBe(1);
    expect(out[1]?.top.map((e) => e.lineNo)).toEqual([4]);
    expect(out[0]).toEqual(results[0]);
    expect(deleted).toEqual(["k0", "k1"]);
  });

  it("fails the run rather than guess when more than the margin of a shard's best lines are repeats", async () => {
    const ids = Array.from({ length: 18 }, (_, i) => `d${i}`);
    const { results, redis } = await shardsOf([...ids, ...ids], 18, () => true);
    await expect(dropCrossShardDuplicates(run(2, 2), results, redis)).rejects.toThrow(/more than 16/);
  });

  it("changes nothing when no id repeats across shards", async () => {
    const { results, redis } = await shardsOf(["a", "b", "c", "d", "e"], 2, () => true);
    expect(await dropCrossShardDuplicates(run(5, 3), results, redis)).toEqual(results);
  });
});
