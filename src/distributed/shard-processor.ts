/**
 * BullMQ sandboxed processor (loaded by `competency worker` with useWorkerThreads): each worker thread
 * builds its own matcher once and scores shards off the worker's event loop, so lock renewal never starves.
 * `workerData` carries the matcher options and the Redis URL (for reading the role).
 */
import { workerData } from "node:worker_threads";
import type { SandboxedJob } from "bullmq";
import type { Redis } from "ioredis";
import type pg from "pg";
import type { RequiredSkill } from "../core/types.js";
import { CompetencyError } from "../errors.js";
import { createMatcher } from "../matcher.js";
import type { MatcherOptions } from "../matcher-types.js";
import { createLocalScorer } from "../shards/create-local-scorer.js";
import { connectPostgres } from "../sources/postgres-lines.js";
import { ioredis } from "./cjs-modules.js";
import { PROGRESS_INTERVAL_MS, RESULT_TTL_SECONDS } from "./distributed-defaults.js";
import type { ShardJobData, ShardResult } from "./job-types.js";
import { processShard } from "./process-shard.js";

type ShardWorkerData = { readonly matcherOptions: MatcherOptions; readonly redisUrl: string };
const config = workerData as ShardWorkerData;
const matcher = createMatcher(config.matcherOptions);
const scorer = createLocalScorer(matcher);
const roles = new Map<string, readonly RequiredSkill[]>();
let redis: Redis | undefined;

async function store(key: string, bytes: Buffer): Promise<void> {
  redis ??= new (ioredis().Redis)(config.redisUrl, { maxRetriesPerRequest: 3 });
  await redis.set(key, bytes, "EX", RESULT_TTL_SECONDS);
}

async function role(key: string): Promise<readonly RequiredSkill[]> {
  const cached = roles.get(key);
  if (cached !== undefined) return cached;
  redis ??= new (ioredis().Redis)(config.redisUrl, { maxRetriesPerRequest: 3 });
  const text = await redis.get(key);
  if (text === null) throw new CompetencyError("NOT_FOUND", `role ${key} is not in Redis (expired?)`);
  const parsed = JSON.parse(text) as readonly RequiredSkill[];
  roles.set(key, parsed);
  return parsed;
}

const clients = new Map<string, Promise<pg.Client>>();

/** One PostgreSQL connection per URL and thread, kept across shards; dropped when it breaks. */
function postgres(url: string): Promise<pg.Client> {
  let client = clients.get(url);
  if (client === undefined) {
    client = connectPostgres(url).then((c) => {
      c.on("error", () => clients.delete(url));
      c.on("end", () => clients.delete(url));
      return c;
    });
    client.catch(() => clients.delete(url));
    clients.set(url, client);
  }
  return client;
}

export default async function shardProcessor(
  job: SandboxedJob<ShardJobData, ShardResult>,
): Promise<ShardResult> {
  // Each update is a message to the main thread and a Redis script: a few per second is enough for a bar.
  let last = Date.now();
  const progress = async (done: number): Promise<void> => {
    const now = Date.now();
    if (now - last < PROGRESS_INTERVAL_MS) return;
    last = now;
    await job.updateProgress(done);
  };
  return processShard({ scorer, role, progress, postgres, store }, job.data);
}
