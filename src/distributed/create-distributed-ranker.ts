import type { RequiredSkill, Strategy } from "../core/types.js";
import type { RunResult } from "./job-types.js";

/** Options of createDistributedRanker. */
export type DistributedRankerOptions = {
  /** Redis URL shared by the coordinator and every `competency worker`, e.g. `redis://10.0.0.5:6379`. */
  readonly connection: string;
  /** Redis key prefix of the queues. @default "competency" */
  readonly prefix?: string;
  /** Candidate lines per shard. @default 10000 */
  readonly shardLines?: number;
  /** Attempts per shard before the run fails. @default 3 */
  readonly attempts?: number;
  /** Seconds a result stays in Redis for resubmissions. @default 3600 */
  readonly resultTtlSeconds?: number;
};

/** One ranked candidate of a distributed run, best first. */
export type DistributedRankEntry = { readonly rank: number; readonly id: string; readonly result: object };

/** The outcome of a distributed rank: the top K and the bad lines (line number, code, message). */
export type DistributedRankResult = {
  readonly entries: readonly DistributedRankEntry[];
  readonly badLines: readonly { readonly lineNo: number; readonly code: string; readonly message: string }[];
  readonly badLineCount: number;
};

/**
 * Ranks an NDJSON file of candidates on `competency worker` processes through Redis (BullMQ). The file must
 * be readable at the same path by every worker. BullMQ and ioredis are loaded on the first call only, so
 * importing the library never loads them.
 *
 * @example
 * const ranker = createDistributedRanker({ connection: "redis://127.0.0.1:6379" });
 * const { entries } = await ranker.rank("/shared/candidates.jsonl", role, { top: 10 });
 */
export function createDistributedRanker(options: DistributedRankerOptions) {
  return {
    async rank(
      path: string,
      role: readonly RequiredSkill[],
      rankOptions: { readonly top: number; readonly full?: boolean; readonly strategy?: Strategy },
    ): Promise<DistributedRankResult> {
      const { runDistributed } = await import("./coordinator.js");
      const result: RunResult = await runDistributed(
        {
          kind: "rank",
          path,
          role,
          top: rankOptions.top,
          full: rankOptions.full === true,
          strategy: rankOptions.strategy ?? "default",
        },
        {
          redisUrl: options.connection,
          ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
          ...(options.shardLines === undefined ? {} : { shardLines: options.shardLines }),
          ...(options.attempts === undefined ? {} : { attempts: options.attempts }),
          ...(options.resultTtlSeconds === undefined ? {} : { resultTtlSeconds: options.resultTtlSeconds }),
          log: () => {},
        },
      );
      if (result.kind !== "rank") return { entries: [], badLines: [], badLineCount: 0 };
      return {
        entries: result.top.map((e, i) => ({ rank: i + 1, id: e.id, result: e.result })),
        badLines: result.errors.map((e) => ({
          lineNo: e.lineNo,
          code: e.error.code,
          message: e.error.message,
        })),
        badLineCount: result.errorCount,
      };
    },
  };
}
