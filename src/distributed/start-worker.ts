import type { Server } from "node:http";
import { fileURLToPath } from "node:url";
import type { Job } from "bullmq";
import type { MatcherOptions } from "../matcher-types.js";
import { bullmq } from "./cjs-modules.js";
import { connectRedis } from "./connect-redis.js";
import {
  DISTRIBUTED_PREFIX,
  LOCK_DURATION_MS,
  RUN_QUEUE,
  SHARD_QUEUE,
  SHARD_THREAD_YOUNG_GENERATION_MB,
  STALLED_INTERVAL_MS,
  WORKER_SHUTDOWN_MS,
} from "./distributed-defaults.js";
import { dropCrossShardDuplicates } from "./drop-cross-shard-duplicates.js";
import type { RunJobData, RunResult, ShardJobData, ShardResult } from "./job-types.js";
import { mergeRun } from "./merge-run.js";
import { deleteShardParts, loadShardParts } from "./shard-parts.js";
import { verifyShards } from "./verify-shards.js";
import { createWorkerMetrics } from "./worker-metrics.js";

/** Under tsx/vitest the processor is TypeScript and goes through a tsx bootstrap; built code runs plain JS. */
const FROM_SOURCE = import.meta.url.endsWith(".ts");
const PROCESSOR = fileURLToPath(
  new URL(FROM_SOURCE ? "./shard-processor-source.mjs" : "./shard-processor.js", import.meta.url),
);

export type StartWorkerOptions = {
  readonly redisUrl: string;
  /** Shards scored at once, each on its own worker thread. @default 1 */
  readonly concurrency?: number;
  /** @default "competency" */
  readonly prefix?: string;
  /** Serve Prometheus metrics on this port (0 = any free port). @default none */
  readonly metricsPort?: number;
  /** @default "127.0.0.1" */
  readonly metricsHost?: string;
  /** Options of the matcher each thread builds; must be structured-cloneable. @default {} */
  readonly matcherOptions?: MatcherOptions;
  /** @default 8000 */
  readonly lockDurationMs?: number;
  /** @default 4000 */
  readonly stalledIntervalMs?: number;
  /** Where warnings and errors go (one line each). */
  readonly log: (line: string) => void;
};

export type RunningWorker = {
  readonly metricsPort: number | undefined;
  /** Stops taking shards, lets the current ones finish for up to `graceMs`, then hands them back. */
  close(graceMs?: number): Promise<void>;
};

/**
 * Starts a scale-out worker: shard jobs run in sandboxed worker threads, run (parent) jobs merge and verify
 * in this thread (cheap). Throws REDIS_UNAVAILABLE if Redis cannot be reached at start; afterwards a lost
 * connection is retried with backoff.
 */
export async function startWorker(options: StartWorkerOptions): Promise<RunningWorker> {
  const { Worker } = bullmq();
  const { client, warning } = await connectRedis(options.redisUrl);
  if (warning !== undefined) options.log(warning);
  const prefix = options.prefix ?? DISTRIBUTED_PREFIX;
  const metrics = createWorkerMetrics(Date.now);
  const lockDuration = options.lockDurationMs ?? LOCK_DURATION_MS;
  const stalledInterval = options.stalledIntervalMs ?? STALLED_INTERVAL_MS;
  const shards = new Worker<ShardJobData, ShardResult>(SHARD_QUEUE, PROCESSOR, {
    connection: client,
    prefix,
    concurrency: options.concurrency ?? 1,
    useWorkerThreads: true,
    workerThreadsOptions: {
      workerData: { matcherOptions: options.matcherOptions ?? {}, redisUrl: options.redisUrl },
      resourceLimits: { maxYoungGenerationSizeMb: SHARD_THREAD_YOUNG_GENERATION_MB },
    },
    lockDuration,
    stalledInterval,
    maxStalledCount: 1,
  });
  const runs = new Worker<RunJobData, RunResult>(
    RUN_QUEUE,
    async (job: Job<RunJobData, RunResult>) => {
      const verified = verifyShards(job.data, await job.getChildrenValues());
      const loaded = await loadShardParts(job.data, verified, client);
      const result = mergeRun(job.data, await dropCrossShardDuplicates(job.data, loaded, client));
      await deleteShardParts(verified, client);
      return result;
    },
    { connection: client, prefix, concurrency: 1, lockDuration, stalledInterval, maxStalledCount: 1 },
  );
  shards.on("completed", (_job, result) => metrics.shardDone(result.lines));
  shards.on("failed", (job) => {
    if (job !== undefined) metrics.shardFailed(job.attemptsMade >= (job.opts.attempts ?? 1));
  });
  let lastError = "";
  const onError = (error: Error) => {
    // ioredis reconnects by itself; say so once per distinct message rather than once per retry.
    if (error.message !== lastError) options.log(`competency worker: ${error.message} (retrying)\n`);
    lastError = error.message;
  };
  shards.on("error", onError);
  runs.on("error", onError);
  let server: Server | undefined;
  if (options.metricsPort !== undefined)
    server = await metrics.listen(options.metricsPort, options.metricsHost ?? "127.0.0.1");
  await Promise.all([shards.waitUntilReady(), runs.waitUntilReady()]);
  const address = server?.address();
  return {
    metricsPort: typeof address === "object" && address !== null ? address.port : undefined,
    async close(graceMs = WORKER_SHUTDOWN_MS) {
      let timer: NodeJS.Timeout | undefined;
      const graceful = Promise.all([shards.close(), runs.close()]).then(() => "closed" as const);
      const timeout = new Promise<"timeout">((resolve) => {
        timer = setTimeout(() => resolve("timeout"), graceMs);
      });
      // worker.close() waits for active jobs with no bound; past the grace, force-close: the shard's lock
      // lapses and another worker takes it (a stall), so nothing is lost.
      if ((await Promise.race([graceful, timeout])) === "timeout")
        await Promise.all([shards.close(true), runs.close(true)]);
      clearTimeout(timer);
      await new Promise<void>((resolve) =>
        server === undefined ? resolve() : server.close(() => resolve()),
      );
      client.disconnect();
    },
  };
}
