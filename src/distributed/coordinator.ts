import { mkdir, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { QueueEvents } from "bullmq";
import type { Redis } from "ioredis";
import { CompetencyError } from "../errors.js";
import { bullmq } from "./cjs-modules.js";
import { connectRedis } from "./connect-redis.js";
import {
  DISTRIBUTED_PREFIX,
  EVENTS_MAX_LEN,
  JOB_SIZE_LIMIT_BYTES,
  RESULT_TTL_SECONDS,
  RUN_QUEUE,
  SHARD_ATTEMPTS,
  SHARD_BACKOFF_MS,
  SHARD_LINES,
  SHARD_QUEUE,
} from "./distributed-defaults.js";
import type { RunJobData, RunResult, ShardJobData } from "./job-types.js";
import { type BatchRun, planRun, type RankRun, type RunPlan } from "./plan-run.js";
import { rootJobId, runIdFor, sha256Hex, shardJobId } from "./run-id.js";
import { waitForRun } from "./wait-for-run.js";
import { watchProgress } from "./watch-progress.js";

export type { BatchRun, RankRun } from "./plan-run.js";

export type CoordinatorOptions = {
  readonly redisUrl: string;
  /** @default "competency" */
  readonly prefix?: string;
  /** Lines (or table rows) per shard. @default 10000 */
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

/**
 * Runs one distributed rank or batch: plans the input into checksummed shards (byte ranges of a file, key
 * ranges of a table), submits one flow (a run job with one child per shard, every id derived from the
 * run), sleeps on Redis events until the run job is done (merge and verification happen there), and
 * returns its result. A file run submitted again adds no job and returns the stored result. A shard that
 * fails for good fails the run with SHARD_FAILED naming the shard.
 */
export async function runDistributed(
  spec: RankRun | BatchRun,
  options: CoordinatorOptions,
): Promise<RunResult> {
  const shardLines = options.shardLines ?? SHARD_LINES;
  const plan = await planRun(spec, shardLines);
  const prefix = options.prefix ?? DISTRIBUTED_PREFIX;
  const ttl = options.resultTtlSeconds ?? RESULT_TTL_SECONDS;
  const roleText = spec.kind === "rank" ? JSON.stringify(spec.role) : "";
  const runId = runIdFor(plan.identity);
  const { Queue, QueueEvents } = bullmq();
  const { client, warning } = await connectRedis(options.redisUrl);
  if (warning !== undefined) options.log(warning);
  const queueOpts = { connection: client, prefix, streams: { events: { maxLen: EVENTS_MAX_LEN } } };
  const runs = new Queue<RunJobData, RunResult>(RUN_QUEUE, queueOpts);
  const shards = new Queue<ShardJobData>(SHARD_QUEUE, queueOpts);
  // Connection errors while Redis restarts: the client reconnects and the wait below re-reads the state.
  runs.on("error", () => {});
  shards.on("error", () => {});
  const listeners: { events: QueueEvents; client: Redis }[] = [];
  const listen = async (queue: string): Promise<QueueEvents> => {
    const eventsClient = client.duplicate();
    eventsClient.on("error", () => {});
    const events = new QueueEvents(queue, { connection: eventsClient, prefix });
    events.on("error", () => {});
    listeners.push({ events, client: eventsClient });
    await events.waitUntilReady();
    return events;
  };
  try {
    const outDir = spec.kind === "batch" ? (spec.outDir ?? join(tmpdir(), `competency-batch-${runId}`)) : "";
    if (spec.kind === "batch") await mkdir(outDir, { recursive: true });
    const rootId = rootJobId(spec.kind, runId);
    await runs.clean(ttl * 1000, 1000, "completed");
    const existing = await runs.getJob(rootId);
    const state = existing === undefined ? undefined : await existing.getState();
    if (
      existing !== undefined &&
      state === "completed" &&
      plan.reusable &&
      (await stillUsable(existing.returnvalue))
    )
      return existing.returnvalue;
    if (existing !== undefined && (state === "completed" || state === "failed")) await existing.remove();
    const roleKey = spec.kind === "rank" ? `${prefix}:role:${sha256Hex(roleText)}` : "";
    if (spec.kind === "rank") await client.set(roleKey, roleText, "EX", ttl);
    // Listening starts before the flow is added, so the run's own events cannot be missed.
    const runEvents = await listen(RUN_QUEUE);
    if (options.onProgress !== undefined)
      watchProgress(
        await listen(SHARD_QUEUE),
        `${spec.kind}-${runId}-s`,
        plan.lines,
        (i) => plan.shards[i]?.lines ?? 0,
        options.onProgress,
      );
    if (existing === undefined || state === "completed" || state === "failed")
      await addFlow(
        client,
        prefix,
        spec.kind,
        plan,
        plan.jobs({ runId, roleKey, outDir, prefix }),
        runId,
        options,
      );
    const result = await waitForRun(
      runs,
      shards,
      runEvents,
      rootId,
      plan.shards.length,
      (i) => plan.shards[i]?.where,
    );
    if (result.shards !== plan.shards.length)
      throw new CompetencyError(
        "RUN_INCONSISTENT",
        `${result.shards} shards merged, ${plan.shards.length} planned`,
      );
    return result;
  } finally {
    for (const l of listeners) {
      await l.events.close();
      l.client.disconnect();
    }
    await Promise.all([runs.close(), shards.close()]);
    client.disconnect();
  }
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
  kind: "rank" | "batch",
  plan: RunPlan,
  jobs: readonly ShardJobData[],
  runId: string,
  options: CoordinatorOptions,
): Promise<void> {
  const ttl = options.resultTtlSeconds ?? RESULT_TTL_SECONDS;
  const too = jobs.find((data) => Buffer.byteLength(JSON.stringify(data)) > JOB_SIZE_LIMIT_BYTES);
  if (too !== undefined)
    throw new CompetencyError(
      "INVALID_INPUT",
      `shard ${too.shard}'s job would exceed ${JOB_SIZE_LIMIT_BYTES} bytes (a path, URL or id bound too long)`,
    );
  const flow = new (bullmq().FlowProducer)({ connection: client, prefix });
  flow.on("error", () => {});
  try {
    await flow.add({
      name: kind,
      queueName: RUN_QUEUE,
      data: {
        kind,
        runId,
        shards: plan.shards.length,
        lines: plan.lines,
        manifestSha256: sha256Hex(plan.shards.map((r) => r.sha256).join("\n")),
        top: jobs[0]?.kind === "rank" ? jobs[0].top : 0,
      } satisfies RunJobData,
      opts: {
        jobId: rootJobId(kind, runId),
        removeOnComplete: { age: ttl },
        removeOnFail: { age: ttl },
        sizeLimit: JOB_SIZE_LIMIT_BYTES,
      },
      children: jobs.map((data) => ({
        name: kind,
        queueName: SHARD_QUEUE,
        data,
        opts: {
          jobId: shardJobId(kind, runId, data.shard),
          attempts: options.attempts ?? SHARD_ATTEMPTS,
          backoff: { type: "fixed", delay: options.backoffMs ?? SHARD_BACKOFF_MS },
          failParentOnFailure: true,
          removeOnComplete: true,
          removeOnFail: { age: ttl },
          sizeLimit: JOB_SIZE_LIMIT_BYTES,
        },
      })),
    });
  } finally {
    await flow.close();
  }
}
