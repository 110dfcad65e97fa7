/**
 * Distributed rank and batch against the machine's Redis (127.0.0.1:6379), with real `competency worker`
 * processes: output must be byte-identical to the in-process commands. Uses its own queue prefix and
 * deletes it afterwards.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  deletePrefix,
  freePort,
  REDIS_URL,
  requireRedis,
  runCli,
  type SpawnedWorker,
  spawnWorker,
  stopWorker,
} from "./helpers/distributed-harness.js";
import { writeCandidates } from "./helpers/gen-candidates.js";

const PREFIX = `ctest-dist-${process.pid}`;
const TMP = mkdtempSync(join(tmpdir(), "competency-dist-"));
const CANDIDATES = join(TMP, "candidates.jsonl");
const PAIRS = join(TMP, "pairs.jsonl");
const workers: SpawnedWorker[] = [];
let reference: { code: number; stdout: string; stderr: string };

const rank = (shardSize: number, top = 25) =>
  runCli([
    "rank",
    "examples/role.json",
    CANDIDATES,
    "--top",
    String(top),
    "--redis",
    REDIS_URL,
    "--prefix",
    PREFIX,
    "--shard-size",
    String(shardSize),
  ]);

beforeAll(async () => {
  await requireRedis();
  await writeCandidates(CANDIDATES, 2_000, 11);
  // Batch pairs: each candidate line against the example role, plus the candidate generator's faults.
  const { readFileSync, writeFileSync } = await import("node:fs");
  const role = JSON.parse(readFileSync("examples/role.json", "utf8")) as { skills: unknown[] };
  const lines = readFileSync(CANDIDATES, "utf8").split("\n").slice(0, 600);
  writeFileSync(
    PAIRS,
    lines
      .map((line, i) => {
        if (line.trim() === "" || i % 97 === 5) return line;
        try {
          const c = JSON.parse(line) as { skills: unknown };
          return JSON.stringify(
            i % 3 === 0
              ? { candidate: c.skills, required: role.skills }
              : { id: `p${i}`, candidate: c.skills, required: role.skills },
          );
        } catch {
          return line;
        }
      })
      .join("\n"),
  );
  reference = await runCli(["rank", "examples/role.json", CANDIDATES, "--top", "25"]);
  workers.push(await spawnWorker(REDIS_URL, PREFIX, ["--metrics-port", "0"]));
});

afterAll(async () => {
  for (const w of workers) await stopWorker(w);
  await deletePrefix(REDIS_URL, PREFIX);
  rmSync(TMP, { recursive: true, force: true });
});

describe("distributed rank and batch", () => {
  it("prints the in-process output with 1 worker process (700-line shards)", {
    timeout: 120_000,
  }, async () => {
    expect(reference.code).toBe(2); // the generated input has bad lines
    const got = await rank(700);
    expect(got.stdout).toBe(reference.stdout);
    expect(got.stderr).toBe(reference.stderr);
    expect(got.code).toBe(reference.code);
    const port = /metrics on :(\d+)/.exec((workers[0] as SpawnedWorker).stderr())?.[1];
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toMatch(/^competency_shards_done_total 3$/m); // 2,000 lines in 700-line shards
    expect(metrics).toMatch(/^competency_candidates_total 2000$/m);
    expect(metrics).toMatch(/^competency_shards_failed_total 0$/m);
  });

  it("prints the in-process output with 2 and 4 worker processes and other shard sizes", {
    timeout: 240_000,
  }, async () => {
    workers.push(await spawnWorker(REDIS_URL, PREFIX));
    const two = await rank(1_000);
    expect(two.stdout).toBe(reference.stdout);
    expect(two.stderr).toBe(reference.stderr);
    workers.push(...(await Promise.all([spawnWorker(REDIS_URL, PREFIX), spawnWorker(REDIS_URL, PREFIX)])));
    const four = await rank(333);
    expect(four.stdout).toBe(reference.stdout);
    const wide = await rank(5_000); // one shard holds the whole file
    expect(wide.stdout).toBe(reference.stdout);
  });

  it("reports ids repeated across shards exactly as in-process (errors, top, exit code)", {
    timeout: 180_000,
  }, async () => {
    const { readFileSync, writeFileSync } = await import("node:fs");
    const base = join(TMP, "dup-base.jsonl");
    await writeCandidates(base, 600, 29, false);
    const lines = readFileSync(base, "utf8").trimEnd().split("\n");
    const strong = JSON.stringify([
      { name: "TypeScript", level: { value: 5, max: 5 } },
      { name: "React", level: { value: 5, max: 5 } },
      { name: "Node.js", level: { value: 10, max: 10 } },
      { name: "PostgreSQL", level: { value: 5, max: 5 } },
    ]);
    const set = (lineNo: number, text: string) => {
      lines[lineNo - 1] = text;
    };
    const skillsOf = (lineNo: number) =>
      (JSON.parse(lines[lineNo - 1] as string) as { skills: unknown }).skills;
    set(101, JSON.stringify({ id: "c5", skills: skillsOf(101) })); // repeats line 6 (another shard)
    set(121, JSON.stringify({ id: "c30", skills: skillsOf(121) })); // repeats line 31 …
    set(131, JSON.stringify({ id: "c30", skills: skillsOf(131) })); // … and again in the same shard
    set(205, JSON.stringify({ skills: skillsOf(205) })); // no id: a bad line, whose id nobody "uses" …
    set(402, JSON.stringify({ id: "c203", skills: skillsOf(402) })); // … while this repeats line 204
    for (const [lineNo, id] of [
      [300, "c7"],
      [310, "c8"],
      [320, "c9"],
    ] as const)
      set(lineNo, `{"id":"${id}","skills":${strong}}`); // would be the best lines if they were ranked
    set(330, `{"id":"s1","skills":${strong}}`);
    set(560, `{"id":"s1","skills":${strong}}`); // a strong line repeating a strong line
    const file = join(TMP, "dups.jsonl");
    writeFileSync(file, `${lines.join("\n")}\n`);
    const local = await runCli(["rank", "examples/role.json", file, "--top", "25"]);
    expect(local.code).toBe(2);
    expect(local.stderr.match(/duplicate id/g)).toHaveLength(8);
    expect(local.stderr).toMatch(
      /^error\[INVALID_INPUT\]: line 131: id: duplicate id .*first used by line 31$/m,
    );
    const dist = await runCli([
      "rank",
      "examples/role.json",
      file,
      "--top",
      "25",
      "--redis",
      REDIS_URL,
      "--prefix",
      PREFIX,
      "--shard-size",
      "50",
    ]);
    expect(dist.stderr).toBe(local.stderr);
    expect(dist.stdout).toBe(local.stdout);
    expect(dist.code).toBe(local.code);
  });

  it("resubmitting the same run adds no job and returns the same answer", { timeout: 120_000 }, async () => {
    const first = await rank(450, 7);
    const queue = new Queue("runs", {
      connection: new Redis(REDIS_URL, { maxRetriesPerRequest: null }),
      prefix: PREFIX,
    });
    try {
      const jobs = await queue.getJobs(["completed"]);
      const before = jobs.map((j) => `${j.id}@${j.timestamp}`).sort();
      const again = await rank(450, 7);
      expect(again.stdout).toBe(first.stdout);
      const after = (await queue.getJobs(["completed"])).map((j) => `${j.id}@${j.timestamp}`).sort();
      expect(after).toEqual(before);
      const shardQueue = new Queue("shards", { connection: queue.opts.connection, prefix: PREFIX });
      const counts = await shardQueue.getJobCounts(
        "waiting",
        "active",
        "delayed",
        "completed",
        "failed",
        "waiting-children",
      );
      expect(counts).toEqual({
        waiting: 0,
        active: 0,
        delayed: 0,
        completed: 0,
        failed: 0,
        "waiting-children": 0,
      });
      await shardQueue.close();
    } finally {
      await queue.close();
      (queue.opts.connection as Redis).disconnect();
    }
  });

  it("batch prints the in-process output, in order, through shard files", { timeout: 120_000 }, async () => {
    const inProcess = await runCli(["batch", PAIRS]);
    const out = join(TMP, "batch-out.jsonl");
    const got = await runCli([
      "batch",
      PAIRS,
      "--redis",
      REDIS_URL,
      "--prefix",
      PREFIX,
      "--shard-size",
      "300",
      "--out",
      out,
    ]);
    const { readFileSync, existsSync } = await import("node:fs");
    expect(readFileSync(out, "utf8")).toBe(inProcess.stdout);
    expect(got.code).toBe(inProcess.code);
    expect(existsSync(`${out}.parts`)).toBe(false); // parts are removed once concatenated
    const toStdout = await runCli([
      "batch",
      PAIRS,
      "--redis",
      REDIS_URL,
      "--prefix",
      PREFIX,
      "--shard-size",
      "257",
    ]);
    expect(toStdout.stdout).toBe(inProcess.stdout);
  });

  it("leaves only the results, the queues' metadata and capped event streams in Redis", async () => {
    const client = new Redis(REDIS_URL);
    try {
      const keys = (await client.keys(`${PREFIX}:*`)).map((k) => k.slice(PREFIX.length + 1)).sort();
      const unexpected = keys.filter(
        (k) =>
          !/^(runs|shards):(meta|events|id|stalled-check|completed)$/.test(k) &&
          !/^runs:(rank|batch)-[0-9a-f]{32}(:processed)?$/.test(k) &&
          !/^role:[0-9a-f]{64}$/.test(k),
      );
      expect(unexpected).toEqual([]);
      for (const k of keys.filter((k) => k.startsWith("role:")))
        expect(await client.ttl(`${PREFIX}:${k}`)).toBeGreaterThan(0);
    } finally {
      client.disconnect();
    }
  });

  it("a role that matcher.rank would reject fails before Redis is touched, naming the field", async () => {
    const dir = mkdtempSync(join(tmpdir(), "competency-bad-role-"));
    const role = join(dir, "role.json");
    // Over the name-length limit: the file check and the matcher's check both name it.
    writeFileSync(role, JSON.stringify([{ name: "x".repeat(5_000), level: { value: 3, max: 5 } }]));
    const port = await freePort(); // nothing listens: reaching Redis would fail with REDIS_UNAVAILABLE
    const got = await runCli([
      "rank",
      role,
      CANDIDATES,
      "--top",
      "3",
      "--redis",
      `redis://127.0.0.1:${port}`,
    ]);
    rmSync(dir, { recursive: true, force: true });
    expect(got.code).toBe(2);
    expect(got.stderr).toMatch(/^error\[INVALID_INPUT\]: .*name/);
    expect(got.stderr).not.toContain("REDIS");
  });

  it("a worker that cannot reach Redis at start prints one error line and exits 3", {
    timeout: 60_000,
  }, async () => {
    const { spawnSync } = await import("node:child_process");
    const port = await freePort();
    const got = spawnSync(
      process.execPath,
      ["--import", "tsx", "src/cli/bin.ts", "worker", "--redis", `redis://127.0.0.1:${port}`],
      { encoding: "utf8", timeout: 50_000 },
    );
    expect(got.status).toBe(3);
    expect(got.stderr).toMatch(
      /^error\[REDIS_UNAVAILABLE\]: Redis cannot be reached: redis:\/\/127\.0\.0\.1:\d+ \(.*ECONNREFUSED.*\)\n$/,
    );
  });

  it("a worker exits 0 on SIGTERM", async () => {
    const w = workers.pop() as SpawnedWorker;
    expect(await stopWorker(w, "SIGTERM")).toBe(0);
  });
});
