/**
 * `rank --from-postgres --redis` against the machine's PostgreSQL (127.0.0.1:5432, db `test`) and Redis
 * (127.0.0.1:6379) with two real `competency worker` processes: the table is cut into key ranges of id,
 * each worker queries its own ranges, and the output (stdout, stderr, exit code) is byte-identical to the
 * in-process `--from-postgres` rank, a bad row included. Own schema and queue prefix, both removed after.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planRun } from "../src/distributed/plan-run.js";
import {
  deletePrefix,
  REDIS_URL,
  requireRedis,
  runCli,
  type SpawnedWorker,
  spawnWorker,
  stopWorker,
} from "./helpers/distributed-harness.js";
import { writeCandidates } from "./helpers/gen-candidates.js";

const URL = "postgres://postgres@127.0.0.1:5432/test";
const SCHEMA = `ctest_pgd_${process.pid}`;
// Mixed case: the name only works if every part is quoted, never pasted.
const TABLE = `${SCHEMA}.Candidates`;
const PREFIX = `ctest-pgd-${process.pid}`;
const TMP = mkdtempSync(join(tmpdir(), "competency-pgd-"));
const client = new pg.Client({ connectionString: URL });
const workers: SpawnedWorker[] = [];

beforeAll(async () => {
  await requireRedis();
  try {
    await client.connect();
  } catch (cause) {
    throw new Error(
      `PostgreSQL is not reachable at ${URL} (${(cause as Error).message}): start PostgreSQL 15 with trust auth and a database "test"`,
    );
  }
  await client.query(`CREATE SCHEMA "${SCHEMA}"`);
  await client.query(`CREATE TABLE "${SCHEMA}"."Candidates" (id text primary key, skills jsonb)`);
  const path = join(TMP, "gen.jsonl");
  await writeCandidates(path, 900, 7, false);
  const rows = readFileSync(path, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { id: string; skills: unknown });
  await client.query(
    `INSERT INTO "${SCHEMA}"."Candidates" (id, skills) SELECT * FROM unnest($1::text[], $2::jsonb[])`,
    [rows.map((r) => r.id), rows.map((r) => JSON.stringify(r.skills))],
  );
  // Ties across shards: equal skills (as strong as the role) under ids spread over the key ranges.
  const tie = JSON.stringify([
    { name: "TypeScript", level: { value: 5, max: 5 } },
    { name: "React", level: { value: 5, max: 5 } },
    { name: "Node.js", level: { value: 10, max: 10 } },
  ]);
  for (const id of ["c150t", "c420t", "c777t", "c88t", "c5t"])
    await client.query(`INSERT INTO "${SCHEMA}"."Candidates" VALUES ($1, $2)`, [id, tie]);
  // Bad rows: skills is an object, not a list; and a skill with an out-of-range level.
  await client.query(`INSERT INTO "${SCHEMA}"."Candidates" VALUES ('c400x', '{"name": "Go"}')`);
  await client.query(
    `INSERT INTO "${SCHEMA}"."Candidates" VALUES ('c7x', '[{"name": "Go", "level": {"value": 9, "max": 5}}]')`,
  );
  workers.push(await spawnWorker(REDIS_URL, PREFIX), await spawnWorker(REDIS_URL, PREFIX));
}, 120_000);

afterAll(async () => {
  for (const w of workers) await stopWorker(w);
  await deletePrefix(REDIS_URL, PREFIX);
  await client.query(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`).catch(() => {});
  await client.end();
  rmSync(TMP, { recursive: true, force: true });
});

const rank = (extra: string[]) =>
  runCli(["rank", "examples/role.json", "--from-postgres", URL, "--table", TABLE, "--top", "40", ...extra]);

describe("rank --from-postgres --redis", () => {
  it("prints byte for byte what the in-process --from-postgres rank prints, bad rows included", async () => {
    const local = await rank([]);
    expect(local.code).toBe(2);
    expect(local.stderr.match(/^error\[INVALID_INPUT\]: line \d+: /gm)).toHaveLength(2);
    const dist = await rank(["--redis", REDIS_URL, "--prefix", PREFIX, "--shard-size", "120"]);
    expect(dist.stdout).toBe(local.stdout);
    expect(dist.stderr).toBe(local.stderr);
    expect(dist.code).toBe(local.code);
    expect(dist.stdout.split("\n").filter(Boolean)).toHaveLength(40);
    // The same run again is scored afresh (a table's identity covers its ids, not its skills), same output.
    const again = await rank(["--redis", REDIS_URL, "--prefix", PREFIX, "--shard-size", "120"]);
    expect(again.stdout).toBe(local.stdout);
    expect(again.stderr).toBe(local.stderr);
  }, 180_000);

  it("plans key ranges whose jobs carry no candidate and no password, each ≤ 1 KB", async () => {
    const plan = await planRun(
      {
        kind: "rank",
        path: "",
        role: [],
        top: 5,
        full: false,
        strategy: "default",
        postgres: { url: "postgres://postgres:s3cret@127.0.0.1:5432/test?password=s3cret", table: TABLE },
      },
      250,
    );
    expect(plan.shards.map((s) => s.lines)).toEqual([250, 250, 250, 157]);
    expect(plan.lines).toBe(907);
    const jobs = plan.jobs({ runId: "r", roleKey: "k", outDir: "", prefix: "p" });
    for (const job of jobs) {
      const text = JSON.stringify(job);
      expect(text).not.toContain("s3cret");
      expect(text).not.toContain("skills");
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(1024);
    }
    expect(JSON.stringify(plan.identity)).not.toContain("s3cret");
    expect(jobs[0]).toMatchObject({ source: "postgres", after: null, firstLineNo: 1 });
    expect(jobs[1]).toMatchObject({ after: (jobs[0] as { upTo: string }).upTo, firstLineNo: 251 });
  });

  it("fails the shard with INPUT_CHANGED when the table changed after planning", async () => {
    const { readKeyRange } = await import("../src/sources/postgres-keyset.js");
    const plan = await planRun(
      {
        kind: "rank",
        path: "",
        role: [],
        top: 5,
        full: false,
        strategy: "default",
        postgres: { url: URL, table: TABLE },
      },
      500,
    );
    const job = plan.jobs({ runId: "r", roleKey: "k", outDir: "", prefix: "p" })[0] as never;
    await client.query(`INSERT INTO "${SCHEMA}"."Candidates" VALUES ('c0000a', '[]')`);
    try {
      await expect(readKeyRange(client, TABLE, job)).rejects.toThrow(/INPUT_CHANGED|ids \(null/);
    } finally {
      await client.query(`DELETE FROM "${SCHEMA}"."Candidates" WHERE id = 'c0000a'`);
    }
  });
});
