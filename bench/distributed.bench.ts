/**
 * Scale-out bench (issue 8): rank over N generated candidates (default 1,000,000, written to /tmp at run time,
 * never committed) in-process vs 1 vs 2 `competency worker` processes, each run checked byte-identical to
 * in-process; then a run where one worker is SIGKILLed mid-shard (recovery = kill → the shard active again);
 * attemptsStarted per shard from the event stream; Redis used_memory before/after.
 * Steady state: workers are started and warmed by one untimed run before any timed one (their threads are
 * up and hold a loaded model), then `--samples` timed runs alternate in-process and distributed; each time
 * is a whole CLI command (start, plan, flow, scoring, merge, print); medians are reported, with the 1-min
 * load average taken right before every sample (the machine is shared).
 * Why 1,000,000 by default: a distributed run pays a fixed ~1 s (loading BullMQ, planning, the flow, the merge)
 * that a run of a few seconds cannot hide; scale-out is for pools of millions. The identity checks in the
 * tests run on smaller inputs.
 * Machine capacity: SAMPLES pairs of in-process runs started together, vs one alone, give what two busy
 * processes can get from this machine at that moment (2.0 on two free cores); the 2-worker speed-up is
 * reported beside it.
 * Run: npm run build && npm run bench:distributed [-- --candidates 1000000 --shard-size 10000 --samples 3]
 * Uses the built CLI (dist/) so that no TypeScript compile is timed. Needs Redis at 127.0.0.1:6379.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { QueueEvents } from "bullmq";
import { Redis } from "ioredis";
import { writeCandidates } from "../test/helpers/gen-candidates.js";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "bin", "competency.js");
const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? def : Number(process.argv[i + 1]);
};
const N = arg("candidates", 1_000_000);
const SHARD = arg("shard-size", 10_000);
const SAMPLES = arg("samples", 3);
const URL = "redis://127.0.0.1:6379";
const PREFIX = `cbench-${process.pid}`;
const DIR = `/tmp/competency-bench-distributed-${process.pid}`;
const INPUT = join(DIR, "candidates.jsonl");
const log = (s: string) => process.stderr.write(`${s}\n`);

/** Runs the CLI under /usr/bin/time, so that its CPU seconds (user + system) are known as well. */
function run(args: string[]): Promise<{ code: number | null; stdout: string; ms: number; cpuS: number }> {
  const timeFile = join(DIR, "time.txt");
  const t0 = performance.now();
  const p = spawn("/usr/bin/time", ["-f", "%U %S", "-o", timeFile, process.execPath, BIN, ...args], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "ignore"],
  });
  let stdout = "";
  p.stdout.on("data", (c: Buffer) => {
    stdout += c.toString();
  });
  return new Promise((done) =>
    p.once("exit", (code) => {
      const ms = performance.now() - t0;
      const [u, sys] = readFileSync(timeFile, "utf8").trim().split(/\s+/).map(Number);
      done({ code, stdout, ms, cpuS: (u ?? 0) + (sys ?? 0) });
    }),
  );
}

/** CPU seconds (user + system, all threads) a process has used so far, from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function startWorker(): Promise<ChildProcess> {
  const p = spawn(process.execPath, [BIN, "worker", "--redis", URL, "--prefix", PREFIX], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let err = "";
  await new Promise<void>((ready) =>
    p.stderr?.on("data", (c: Buffer) => {
      err += c.toString();
      if (err.includes("ready")) ready();
    }),
  );
  return p;
}

async function stop(p: ChildProcess, signal: NodeJS.Signals = "SIGTERM") {
  if (p.exitCode === null && p.signalCode === null) p.kill(signal);
  if (p.exitCode === null && p.signalCode === null) await once(p, "exit");
}

const load1 = () => Math.round((loadavg()[0] as number) * 100) / 100;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
let runTag = 0;

const usedMemory = async (redis: Redis) => Number(/used_memory:(\d+)/.exec(await redis.info("memory"))?.[1]);

mkdirSync(DIR, { recursive: true });
const redis = new Redis(URL);
const events = new QueueEvents("shards", {
  connection: new Redis(URL, { maxRetriesPerRequest: null }),
  prefix: PREFIX,
});
const actives = new Map<string, number[]>();
const stalls: string[] = [];
events.on("active", ({ jobId }) => actives.set(jobId, [...(actives.get(jobId) ?? []), performance.now()]));
events.on("stalled", ({ jobId }) => stalls.push(jobId));
const results: Record<string, unknown> = {};
try {
  await events.waitUntilReady();
  log(`generating ${N} candidates into ${INPUT}`);
  await writeCandidates(INPUT, N, 20261206, false);
  const memBefore = await usedMemory(redis);
  const rankArgs = ["rank", "examples/role.json", INPUT, "--top", "100"];
  const distArgs = (tag: string) => [
    ...rankArgs,
    "--redis",
    URL,
    "--prefix",
    PREFIX,
    "--shard-size",
    String(SHARD + Number(tag)),
  ];
  const workers = [await startWorker()];
  const inProcessMs: number[] = [];
  let reference: string | undefined;
  for (const count of [1, 2]) {
    if (count === 2) workers.push(await startWorker());
    log(`${count} worker(s): warm-up run (untimed)`);
    await run(distArgs(String(++runTag)));
    const samples: {
      ms: number;
      load1: number;
      cpuS: number;
      inProcessMs: number;
      inProcessLoad1: number;
      inProcessCpuS: number;
    }[] = [];
    let identical = true;
    let attempts: number[] = [];
    let stallCount = 0;
    for (let k = 0; k < SAMPLES; k++) {
      const inLoad = load1();
      log(`${count} worker(s), sample ${k + 1}: in-process (load ${inLoad})`);
      const local = await run(rankArgs);
      reference ??= local.stdout;
      identical &&= local.stdout === reference;
      inProcessMs.push(local.ms);
      actives.clear();
      stalls.length = 0;
      const distLoad = load1();
      log(`${count} worker(s), sample ${k + 1}: distributed (load ${distLoad})`);
      const before = workers.reduce((t, w) => t + cpuSeconds(w.pid as number), 0);
      const r = await run(distArgs(String(++runTag))); // a distinct shard size: a new run, not a resubmission
      const workerCpuS = workers.reduce((t, w) => t + cpuSeconds(w.pid as number), 0) - before;
      identical &&= r.stdout === reference;
      attempts = [...attempts, ...[...actives.values()].map((a) => a.length)];
      stallCount += stalls.length;
      samples.push({
        ms: Math.round(r.ms),
        load1: distLoad,
        cpuS: Math.round((r.cpuS + workerCpuS) * 100) / 100,
        inProcessMs: Math.round(local.ms),
        inProcessLoad1: inLoad,
        inProcessCpuS: Math.round(local.cpuS * 100) / 100,
      });
    }
    const ms = median(samples.map((x) => x.ms));
    const localMs = median(samples.map((x) => x.inProcessMs));
    results[`workers${count}`] = {
      ms,
      candidatesPerSecond: Math.round(N / (ms / 1000)),
      inProcessMs: localMs,
      inProcessCandidatesPerSecond: Math.round(N / (localMs / 1000)),
      ratioToInProcess: Math.round((localMs / ms) * 1000) / 1000,
      /** CPU seconds of coordinator + workers, and of the in-process command: the overhead, load aside. */
      cpuS: median(samples.map((x) => x.cpuS)),
      inProcessCpuS: median(samples.map((x) => x.inProcessCpuS)),
      identical,
      shardsStarted: attempts.length,
      maxAttemptsStarted: Math.max(...attempts),
      stalls: stallCount,
      samples,
    };
  }
  const inMs = median(inProcessMs);
  results.inProcess = {
    ms: Math.round(inMs),
    candidatesPerSecond: Math.round(N / (inMs / 1000)),
    samples: inProcessMs.length,
  };
  const w1 = results.workers1 as { ms: number };
  const w2 = results.workers2 as { ms: number };
  results.twoOverOne = Math.round((w1.ms / w2.ms) * 1000) / 1000;
  const pairs: { ms: number; load1: number }[] = [];
  for (let k = 0; k < SAMPLES; k++) {
    const pairLoad = load1();
    log(`machine capacity, sample ${k + 1}: two in-process runs at once (load ${pairLoad})`);
    const both = await Promise.all([run(rankArgs), run(rankArgs)]);
    pairs.push({ ms: Math.round(Math.max(...both.map((b) => b.ms))), load1: pairLoad });
  }
  const pairMs = median(pairs.map((p) => p.ms));
  results.machineCapacity = {
    /** 2 × (one in-process run alone) / (two started together): 2.0 means two free cores. */
    twoProcessesOverOne: Math.round(((2 * inMs) / pairMs) * 1000) / 1000,
    pairMs,
    aloneMs: Math.round(inMs),
    samples: pairs,
  };
  const inProcess = { stdout: reference ?? "" };
  log("SIGKILL recovery (2 workers, one killed once a shard is active)");
  actives.clear();
  const pending = run(distArgs(String(++runTag)));
  while (actives.size === 0) await new Promise((r) => setTimeout(r, 20));
  const killedAt = performance.now();
  const victim = workers.shift() as ChildProcess;
  victim.kill("SIGKILL");
  const before = new Map([...actives].map(([k, v]) => [k, v.length]));
  let recoveryMs: number | undefined;
  const r = await (async () => {
    const poll = setInterval(() => {
      for (const [id, times] of actives)
        if (recoveryMs === undefined && times.length > (before.get(id) ?? 0) && (before.get(id) ?? 0) > 0)
          recoveryMs = (times[times.length - 1] as number) - killedAt;
    }, 20);
    const out = await pending;
    clearInterval(poll);
    return out;
  })();
  results.sigkill = {
    ms: Math.round(r.ms),
    identical: r.stdout === inProcess.stdout,
    recoveryMs: recoveryMs === undefined ? null : Math.round(recoveryMs),
  };
  for (const w of workers) await stop(w);
  const memAfter = await usedMemory(redis);
  results.redis = {
    usedMemoryBefore: memBefore,
    usedMemoryAfter: memAfter,
    deltaBytes: memAfter - memBefore,
  };
  results.machine = {
    cpus: cpus().length,
    loadavg: loadavg().map((l) => Math.round(l * 100) / 100),
    node: process.version,
  };
  results.method = {
    candidates: N,
    shardSize: SHARD,
    samples: SAMPLES,
    top: 100,
    timing:
      "median of alternating in-process / distributed whole CLI commands, workers started and warmed by an untimed run first",
    input: "generated at run time into /tmp (seeded), deleted after",
  };
  const out = JSON.stringify(results, null, 2);
  process.stdout.write(`${out}\n`);
  writeFileSync(join(ROOT, "bench", "results", "distributed.json"), `${out}\n`);
} finally {
  await events.close();
  (events.opts.connection as Redis).disconnect();
  const keys = await redis.keys(`${PREFIX}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  rmSync(DIR, { recursive: true, force: true });
}
