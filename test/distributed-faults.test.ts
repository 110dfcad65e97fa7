/**
 * Faults in a distributed run, made the way production meets them: a worker process SIGKILLed mid-shard,
 * an input whose bytes differ from the plan (once, then for good), and a Redis restart (our own
 * redis-server with an append-only file on a free port). Output must stay byte-identical to in-process.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Queue, QueueEvents } from "bullmq";
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
  until,
} from "./helpers/distributed-harness.js";
import { writeCandidates } from "./helpers/gen-candidates.js";

const TMP = mkdtempSync(join(tmpdir(), "competency-faults-"));
const CANDIDATES = join(TMP, "candidates.jsonl");
const started: SpawnedWorker[] = [];
const prefixes: string[] = [];
let reference: string;

const prefix = (name: string) => {
  const p = `ctest-faults-${name}-${process.pid}`;
  prefixes.push(p);
  return p;
};
const rank = (url: string, p: string, shardSize: number) =>
  runCli([
    "rank",
    "examples/role.json",
    CANDIDATES,
    "--top",
    "20",
    "--redis",
    url,
    "--prefix",
    p,
    "--shard-size",
    String(shardSize),
  ]);
const worker = async (url: string, p: string) => {
  const w = await spawnWorker(url, p);
  started.push(w);
  return w;
};
const queue = (url: string, p: string, name: string) =>
  new Queue(name, { connection: new Redis(url, { maxRetriesPerRequest: null }), prefix: p });
const closeQueue = async (q: Queue) => {
  await q.close();
  (q.opts.connection as Redis).disconnect();
};

/** Byte offset of the start of 1-based line `lineNo`. */
function lineOffset(text: string, lineNo: number): number {
  let offset = 0;
  for (let i = 1; i < lineNo; i++) offset = text.indexOf("\n", offset) + 1;
  return Buffer.byteLength(text.slice(0, offset));
}

/** Overwrites one byte of the candidates file in place (same length: the plan's ranges stay valid). */
function patchByte(offset: number, byte: number): number {
  const fd = openSync(CANDIDATES, "r+");
  const old = readFileSync(CANDIDATES)[offset] as number;
  writeSync(fd, Buffer.from([byte]), 0, 1, offset);
  closeSync(fd);
  return old;
}

beforeAll(async () => {
  await requireRedis();
  await writeCandidates(CANDIDATES, 1_500, 23);
  reference = (await runCli(["rank", "examples/role.json", CANDIDATES, "--top", "20"])).stdout;
});

afterAll(async () => {
  for (const w of started) await stopWorker(w, "SIGKILL");
  for (const p of prefixes) await deletePrefix(REDIS_URL, p);
  rmSync(TMP, { recursive: true, force: true });
});

describe("distributed faults", () => {
  it("a shard whose worker process is SIGKILLed is taken again by another worker", {
    timeout: 150_000,
  }, async () => {
    const p = prefix("kill");
    const victim = await worker(REDIS_URL, p);
    const shards = queue(REDIS_URL, p, "shards");
    const events = new QueueEvents("shards", {
      connection: new Redis(REDIS_URL, { maxRetriesPerRequest: null }),
      prefix: p,
    });
    const stalled: string[] = [];
    events.on("stalled", ({ jobId }) => stalled.push(jobId));
    try {
      await events.waitUntilReady();
      const run = rank(REDIS_URL, p, 500);
      await until("a shard to be active", async () => (await shards.getActiveCount()) > 0);
      process.kill(victim.pid, "SIGKILL");
      await victim.exited;
      await worker(REDIS_URL, p);
      const got = await run;
      expect(got.stdout).toBe(reference);
      expect(stalled.length).toBeGreaterThanOrEqual(1);
    } finally {
      await events.close();
      (events.opts.connection as Redis).disconnect();
      await closeQueue(shards);
    }
  });

  it("a shard that fails once is retried and the output is unchanged", { timeout: 150_000 }, async () => {
    const p = prefix("once");
    const text = readFileSync(CANDIDATES, "utf8");
    const offset = lineOffset(text, 600) + 2; // inside shard 1 (lines 501–1000): the checksum no longer matches
    const events = new QueueEvents("shards", {
      connection: new Redis(REDIS_URL, { maxRetriesPerRequest: null }),
      prefix: p,
    });
    const failures: string[] = [];
    let original = -1;
    // A failed attempt with attempts left moves the shard to "delayed" (the backoff); that is the cue.
    events.on("delayed", ({ jobId }) => {
      failures.push(jobId);
      if (original >= 0) patchByte(offset, original); // repaired before the retry (1 s backoff)
      original = -1;
    });
    const shards = queue(REDIS_URL, p, "shards");
    try {
      await events.waitUntilReady();
      const run = rank(REDIS_URL, p, 500);
      await until("the shards to be queued", async () => (await shards.getWaitingCount()) === 3);
      original = patchByte(offset, 0x20);
      await worker(REDIS_URL, p);
      const got = await run;
      expect(got.stderr).not.toMatch(/SHARD_FAILED/);
      expect(failures).toEqual([expect.stringMatching(/-s1$/)]);
      expect(got.stdout).toBe(reference);
    } finally {
      await events.close();
      (events.opts.connection as Redis).disconnect();
      await closeQueue(shards);
    }
  });

  it("a poison shard fails the run, names the shard and exits 1, leaving no parent waiting", {
    timeout: 150_000,
  }, async () => {
    const p = prefix("poison");
    const text = readFileSync(CANDIDATES, "utf8");
    const offset = lineOffset(text, 1_200) + 2; // shard 2 (lines 1001–1500)
    const shards = queue(REDIS_URL, p, "shards");
    const runs = queue(REDIS_URL, p, "runs");
    let original = -1;
    try {
      const run = rank(REDIS_URL, p, 500);
      await until("the shards to be queued", async () => (await shards.getWaitingCount()) === 3);
      original = patchByte(offset, 0x20);
      await worker(REDIS_URL, p);
      const got = await run;
      expect(got.code).toBe(1);
      expect(got.stderr).toMatch(
        /^error\[SHARD_FAILED\]: .*shard 2 \(lines 1001-1500, bytes \d+-\d+ of .*\) failed after 3 attempts: .*INPUT_CHANGED|input changed/m,
      );
      expect(got.stdout).toBe("");
      expect(await runs.getWaitingChildrenCount()).toBe(0);
      expect(await shards.getWaitingCount()).toBe(0);
    } finally {
      if (original >= 0) patchByte(offset, original);
      await closeQueue(shards);
      await closeQueue(runs);
    }
  });

  it("survives a Redis restart mid-run (append-only file)", { timeout: 150_000 }, async () => {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), "competency-redis-"));
    const url = `redis://127.0.0.1:${port}`;
    const args = [
      "--port",
      String(port),
      "--appendonly",
      "yes",
      "--appendfsync",
      "everysec",
      "--dir",
      dir,
      "--save",
      "",
    ];
    const startRedis = async (): Promise<ChildProcess> => {
      const proc = spawn("redis-server", args, { stdio: "ignore" });
      await until("redis-server to accept connections", async () => {
        const c = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
        c.on("error", () => {});
        try {
          await c.connect();
          return (await c.ping()) === "PONG";
        } catch {
          return false;
        } finally {
          c.disconnect();
        }
      });
      return proc;
    };
    let redis = await startRedis();
    const p = prefix("restart");
    try {
      await worker(url, p);
      const shards = queue(url, p, "shards");
      const run = rank(url, p, 250);
      await until("a shard to finish", async () => (await shards.getActiveCount().catch(() => 0)) > 0);
      await closeQueue(shards);
      redis.kill("SIGTERM"); // Redis flushes the AOF and exits; queue state comes back from it
      await new Promise((r) => redis.once("exit", r));
      redis = await startRedis();
      const got = await run;
      expect(got.stdout).toBe(reference);
    } finally {
      redis.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
