import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, realpath, rm, rmdir, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Writable } from "node:stream";
import { FlowProducer, Queue, QueueEvents } from "bullmq";
import type { Redis } from "ioredis";
import type { RequiredSkill, Strategy } from "../core/types.js";
import { CompetencyError } from "../errors.js";
import { type NdjsonPlan, planNdjsonRanges } from "../sources/ndjson-ranges.js";
import { connectRedis } from "./connect-redis.js";
import {
  DISTRIBUTED_PREFIX,
  EVENTS_MAX_LEN,
  JOB_SIZE_LIMIT_BYTES,
  POLL_INTERVAL_MS,
  RESULT_TTL_SECONDS,
  RUN_QUEUE,
  SHARD_ATTEMPTS,
  SHARD_BACKOFF_MS,
  SHARD_LINES,
  SHARD_QUEUE,
} from "./distributed-defaults.js";
import type { RunJobData, RunResult, ShardJobData } from "./job-types.js";
import { rootJobId, runIdFor, sha256Hex, shardJobId } from "./run-id.js";

export type CoordinatorOptions = {
  readonly redisUrl: string;
  /** @default "competency" */
  readonly prefix?: string;
  /** Lines per shard. @default 10000 */
  readonly shardLines?: number;
  /** @default 3 */
  readonly attempts?: number;
  /** @default 1000 */
  readonly backoffMs?: number;
  /** Seconds a result (or a failed run) stays in Redis. @default 3600 */
  readonly resultTtlSeconds?: number;
  /** Called with (lines done, total lines) as shards report progress. */
  readonly onProgress?: (done: number, total: number) => void;
  readonly log: (line: string) => void;
};

export type RankRun = {
  readonly kind: "rank";
  readonly path: string;
  readonly role: readonly RequiredSkill[];
  readonly top: number;
  readonly full: boolean;
  readonly strategy: Strategy;
};
export type BatchRun = {
  readonly kind: "batch";
  readonly path: string;
  readonly strategy: Strategy;
  /** Directory every worker can write and this process can read. @default a new directory in os.tmpdir() */
  readonly outDir?: string;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs one distributed rank or batch: plans the input into checksummed byte-range shards, submits one flow
 * (a run job with one child per shard, every id derived from the run), waits for the run job (merge and
 * verification happen there), and returns its result. The same run submitted again adds no job and returns
 * the stored result. A shard that fails for good fails the run with SHARD_FAILED naming the shard.
 */
export async function runDistributed(
  spec: RankRun | BatchRun,
  options: CoordinatorOptions,
): Promise<RunResult> {
  const path = await realpath(spec.path).catch((cause) => {
    throw new CompetencyError("FILE_NOT_FOUND", JSON.stringify(spec.path), { cause });
  });
  const shardLines = options.shardLines ?? SHARD_LINES;
  const plan = await planNdjsonRanges(path, shardLines);
  const prefix = options.prefix ?? DISTRIBUTED_PREFIX;
  const ttl = options.resultTtlSeconds ?? RESULT_TTL_SECONDS;
  const roleText = spec.kind === "rank" ? JSON.stringify(spec.role) : "";
  const identity =
    spec.kind === "rank"
      ? {
          kind: "rank",
          path,
          sha256: plan.sha256,
          shardLines,
          strategy: spec.strategy,
          full: spec.full,
          top: spec.top,
          role: sha256Hex(roleText),
        }
      : {
          kind: "batch",
          path,
          sha256: plan.sha256,
          shardLines,
          strategy: spec.strategy,
          outDir: spec.outDir ?? "",
        };
  const runId = runIdFor(identity);
  const { client, warning } = await connectRedis(options.redisUrl);
  if (warning !== undefined) options.log(warning);
  const queueOpts = { connection: client, prefix, streams: { events: { maxLen: EVENTS_MAX_LEN } } };
  const runs = new Queue<RunJobData, RunResult>(RUN_QUEUE, queueOpts);
  const shards = new Queue<ShardJobData>(SHARD_QUEUE, queueOpts);
  // Connection errors while Redis restarts: the client reconnects and the poll below retries.
  runs.on("error", () => {});
  shards.on("error", () => {});
  let events: QueueEvents | undefined;
  let eventsClient: Redis | undefined;
  try {
    const outDir = spec.kind === "batch" ? (spec.outDir ?? join(tmpdir(), `competency-batch-${runId}`)) : "";
    if (spec.kind === "batch") await mkdir(outDir, { recursive: true });
    const rootId = rootJobId(spec.kind, runId);
    await runs.clean(ttl * 1000, 1000, "completed");
    const existing = await runs.getJob(rootId);
    const state = existing === undefined ? undefined : await existing.getState();
    if (existing !== undefined && state === "completed" && (await stillUsable(existing.returnvalue)))
      return existing.returnvalue;
    if (existing !== undefined && (state === "completed" || state === "failed")) await existing.remove();
    if (spec.kind === "rank") await client.set(roleKey(prefix, roleText), roleText, "EX", ttl);
    if (options.onProgress !== undefined) {
      eventsClient = client.duplicate();
      eventsClient.on("error", () => {});
      events = new QueueEvents(SHARD_QUEUE, { connection: eventsClient, prefix });
      events.on("error", () => {});
      watchProgress(events, plan, spec.kind, runId, options.onProgress);
    }
    if (existing === undefined || state === "completed" || state === "failed")
      await addFlow(client, prefix, spec, plan, runId, outDir, options, path);
    const result = await waitForRun(runs, shards, rootId, spec, plan);
    if (result.shards !== plan.ranges.length)
      throw new CompetencyError(
        "RUN_INCONSISTENT",
        `${result.shards} shards merged, ${plan.ranges.length} planned`,
      );
    return result;
  } finally {
    await events?.close();
    eventsClient?.disconnect();
    await Promise.all([runs.close(), shards.close()]);
    client.disconnect();
  }
}

function roleKey(prefix: string, roleText: string): string {
  return `${prefix}:role:${sha256Hex(roleText)}`;
}

/** A stored batch result is only reusable while its part files still exist. */
async function stillUsable(result: RunResult): Promise<boolean> {
  if (result.kind === "rank") return true;
  for (const part of result.parts) if (!(await stat(part.outPath).catch(() => undefined))) return false;
  return true;
}

async function addFlow(
  client: Redis,
  prefix: string,
  spec: RankRun | BatchRun,
  plan: NdjsonPlan,
  runId: string,
  outDir: string,
  options: CoordinatorOptions,
  inputPath: string,
): Promise<void> {
  const ttl = options.resultTtlSeconds ?? RESULT_TTL_SECONDS;
  const flow = new FlowProducer({ connection: client, prefix });
  flow.on("error", () => {});
  const key = spec.kind === "rank" ? roleKey(prefix, JSON.stringify(spec.role)) : "";
  try {
    await flow.add({
      name: spec.kind,
      queueName: RUN_QUEUE,
      data: {
        kind: spec.kind,
        runId,
        shards: plan.ranges.length,
        lines: plan.lines,
        manifestSha256: sha256Hex(plan.ranges.map((r) => r.sha256).join("\n")),
        top: spec.kind === "rank" ? spec.top : 0,
      } satisfies RunJobData,
      opts: {
        jobId: rootJobId(spec.kind, runId),
        removeOnComplete: { age: ttl },
        removeOnFail: { age: ttl },
        sizeLimit: JOB_SIZE_LIMIT_BYTES,
      },
      children: plan.ranges.map((r) => {
        const common = {
          runId,
          shard: r.index,
          path: inputPath,
          start: r.start,
          end: r.end,
          firstLineNo: r.firstLineNo,
          sha256: r.sha256,
          strategy: spec.strategy,
        };
        const data: ShardJobData =
          spec.kind === "rank"
            ? { kind: "rank", ...common, roleKey: key, full: spec.full, top: spec.top }
            : { kind: "batch", ...common, outDir };
        return {
          name: spec.kind,
          queueName: SHARD_QUEUE,
          data,
          opts: {
            jobId: shardJobId(spec.kind, runId, r.index),
            attempts: options.attempts ?? SHARD_ATTEMPTS,
            backoff: { type: "fixed", delay: options.backoffMs ?? SHARD_BACKOFF_MS },
            failParentOnFailure: true,
            removeOnComplete: true,
            removeOnFail: { age: ttl },
            sizeLimit: JOB_SIZE_LIMIT_BYTES,
          },
        };
      }),
    });
  } finally {
    await flow.close();
  }
}

function watchProgress(
  events: QueueEvents,
  plan: NdjsonPlan,
  kind: string,
  runId: string,
  onProgress: (done: number, total: number) => void,
): void {
  const idPrefix = `${kind}-${runId}-s`;
  const done = new Map<string, number>();
  const report = () =>
    onProgress(
      [...done.values()].reduce((a, b) => a + b, 0),
      plan.lines,
    );
  events.on("progress", ({ jobId, data }) => {
    if (jobId.startsWith(idPrefix)) done.set(jobId, typeof data === "number" ? data : 0);
    report();
  });
  events.on("completed", ({ jobId }) => {
    if (!jobId.startsWith(idPrefix)) return;
    done.set(jobId, plan.ranges[Number(jobId.slice(idPrefix.length))]?.lines ?? 0);
    report();
  });
}

/** Polls the run job's state (robust to lost events and Redis restarts) until it completes or fails. */
async function waitForRun(
  runs: Queue<RunJobData, RunResult>,
  shards: Queue<ShardJobData>,
  rootId: string,
  spec: RankRun | BatchRun,
  plan: NdjsonPlan,
): Promise<RunResult> {
  for (;;) {
    const state = await runs.getJobState(rootId).catch(() => "unreachable");
    if (state === "completed") {
      const job = await runs.getJob(rootId);
      if (job !== undefined) return job.returnvalue;
    }
    if (state === "failed") {
      const job = await runs.getJob(rootId);
      const reason = job?.failedReason ?? "unknown reason";
      const m = /-s(\d+)\b/.exec(reason);
      const index = m === null ? undefined : Number(m[1]);
      const range = index === undefined ? undefined : plan.ranges[index];
      const child =
        index === undefined
          ? undefined
          : await shards.getJob(shardJobId(spec.kind, job?.data.runId ?? "", index));
      // Shards still waiting would otherwise run for nothing; active ones finish and are removed on completion.
      await Promise.all(
        plan.ranges.map((r) =>
          shards.remove(shardJobId(spec.kind, job?.data.runId ?? "", r.index)).catch(() => 0),
        ),
      );
      const where =
        range === undefined
          ? reason
          : `shard ${range.index} (lines ${range.firstLineNo}-${range.firstLineNo + range.lines - 1}, bytes ${range.start}-${range.end} of ${JSON.stringify(spec.path)})`;
      const why =
        child === undefined ? "" : ` failed after ${child.attemptsMade} attempts: ${child.failedReason}`;
      throw new CompetencyError("SHARD_FAILED", `${where}${why}`);
    }
    await sleep(POLL_INTERVAL_MS);
  }
}

/** Copies the parts of a batch run to `out` in order, checking each part's hash, then deletes them. */
export async function concatBatchParts(
  result: RunResult,
  out: Writable,
  outDir: string | undefined,
): Promise<void> {
  if (result.kind !== "batch") return;
  for (const part of result.parts) {
    const hash = createHash("sha256");
    for await (const chunk of createReadStream(part.outPath)) {
      hash.update(chunk as Buffer);
      if (!out.write(chunk)) await new Promise((resolve) => out.once("drain", resolve));
    }
    if (hash.digest("hex") !== part.outSha256)
      throw new CompetencyError(
        "RUN_INCONSISTENT",
        `${JSON.stringify(part.outPath)} does not match its recorded hash`,
      );
  }
  for (const part of result.parts) await rm(part.outPath, { force: true });
  // Removed only when empty: other runs may share the directory.
  if (outDir !== undefined) await rmdir(outDir).catch(() => {});
}
