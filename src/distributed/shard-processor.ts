/**
 * BullMQ sandboxed processor (loaded by `competency worker` with useWorkerThreads): each worker thread
 * builds its own matcher once and scores shards off the worker's event loop, so lock renewal never starves.
 * `workerData` carries the matcher options and the Redis URL (for reading the role).
 */
import { workerData } from "node:worker_threads";
import type { SandboxedJob } from "bullmq";
import { Redis } from "ioredis";
import type { RequiredSkill } from "../core/types.js";
import { CompetencyError } from "../errors.js";
import { createMatcher } from "../matcher.js";
import type { MatcherOptions } from "../matcher-types.js";
import { createLocalScorer } from "../shards/create-local-scorer.js";
import type { ShardJobData, ShardResult } from "./job-types.js";
import { processShard } from "./process-shard.js";

type ShardWorkerData = { readonly matcherOptions: MatcherOptions; readonly redisUrl: string };
const config = workerData as ShardWorkerData;
const matcher = createMatcher(config.matcherOptions);
const scorer = createLocalScorer(matcher);
const roles = new Map<string, readonly RequiredSkill[]>();
let redis: Redis | undefined;

async function role(key: string): Promise<readonly RequiredSkill[]> {
  const cached = roles.get(key);
  if (cached !== undefined) return cached;
  redis ??= new Redis(config.redisUrl, { maxRetriesPerRequest: 3 });
  const text = await redis.get(key);
  if (text === null) throw new CompetencyError("NOT_FOUND", `role ${key} is not in Redis (expired?)`);
  const parsed = JSON.parse(text) as readonly RequiredSkill[];
  roles.set(key, parsed);
  return parsed;
}

export default async function shardProcessor(
  job: SandboxedJob<ShardJobData, ShardResult>,
): Promise<ShardResult> {
  return processShard({ scorer, role, progress: (done) => job.updateProgress(done) }, job.data);
}
