import type { Strategy } from "../core/types.js";
import type { WireError } from "../shards/chunk-task.js";

type RankJobCommon = {
  readonly kind: "rank";
  readonly runId: string;
  readonly shard: number;
  readonly firstLineNo: number;
  /** Checksum of the shard's input as planned: its bytes (file) or its ids (table). */
  readonly sha256: string;
  /** Key of the role in Redis (`<prefix>:role:<sha256>`). */
  readonly roleKey: string;
  readonly strategy: Strategy;
  readonly full: boolean;
  readonly top: number;
  /** Redis key where the shard stores its top list and bad lines for the run job (deleted after the merge). */
  readonly partKey: string;
};

/** A rank shard of an NDJSON file: whole lines in bytes [start, end). */
export type FileRankJobData = RankJobCommon & {
  readonly source: "file";
  readonly path: string;
  readonly start: number;
  readonly end: number;
  /** Redis key where the shard stores its accepted ids' digest for the run job (deleted after the merge). */
  readonly idsKey: string;
};

/**
 * A rank shard of a PostgreSQL table: rows with `after < id <= upTo`. `url` carries no password (workers
 * take it from PGPASSWORD or ~/.pgpass), so no secret is stored in Redis.
 */
export type PostgresRankJobData = RankJobCommon & {
  readonly source: "postgres";
  readonly url: string;
  readonly table: string;
  readonly after: string | null;
  readonly upTo: string;
  readonly lines: number;
};

/** Data of one shard job: a reference to a byte range of a file or a key range of a table, never candidates. */
export type ShardJobData =
  | FileRankJobData
  | PostgresRankJobData
  | {
      readonly kind: "batch";
      readonly source: "file";
      readonly runId: string;
      readonly shard: number;
      readonly path: string;
      readonly start: number;
      readonly end: number;
      readonly firstLineNo: number;
      readonly sha256: string;
      readonly strategy: Strategy;
      /** Directory (shared by every worker and the coordinator) where the shard writes its output. */
      readonly outDir: string;
    };

/** Data of the run (parent) job: what the root checks the shards against. */
export type RunJobData = {
  readonly kind: "rank" | "batch";
  readonly runId: string;
  readonly shards: number;
  /** Physical lines of the whole input. */
  readonly lines: number;
  /** SHA-256 of the shard checksums in order. */
  readonly manifestSha256: string;
  readonly top: number;
};

export type ShardErrorLine = { readonly lineNo: number; readonly error: WireError };
export type ShardTopEntry = {
  readonly lineNo: number;
  readonly id: string;
  readonly result: object & { overallScore: number };
};

/** What a rank shard returns: its local top K and its bad lines. */
export type RankShardResult = {
  readonly kind: "rank";
  readonly shard: number;
  readonly sha256: string;
  readonly lines: number;
  readonly top: readonly ShardTopEntry[];
  readonly errors: readonly ShardErrorLine[];
  readonly errorCount: number;
  /**
   * Set when `top` and `errors` were left in Redis under this key (they are then empty here): the run job
   * loads them, so the parent's stored children values and the `completed` events stay small.
   */
  readonly partKey?: string;
  /**
   * File shards: Redis key of the accepted ids' digest (id-digest.ts), kept out of the result so that the
   * result and the completed event stay small; the run job reads it and deletes it.
   */
  readonly idsKey?: string;
  /** File shards: where the shard's lines are, to read back the few lines whose ids collide. */
  readonly file?: {
    readonly path: string;
    readonly start: number;
    readonly end: number;
    readonly firstLineNo: number;
  };
};

/** What a batch shard returns: where its output is, how many lines, and the output's hash. */
export type BatchShardResult = {
  readonly kind: "batch";
  readonly shard: number;
  readonly sha256: string;
  readonly lines: number;
  readonly outPath: string;
  readonly outSha256: string;
  readonly count: number;
  readonly bad: number;
};

export type ShardResult = RankShardResult | BatchShardResult;

/** The run's result, kept in Redis for RESULT_TTL_SECONDS. */
export type RunResult =
  | {
      readonly kind: "rank";
      readonly top: readonly ShardTopEntry[];
      readonly errors: readonly ShardErrorLine[];
      readonly errorCount: number;
      readonly shards: number;
    }
  | {
      readonly kind: "batch";
      readonly parts: readonly {
        readonly outPath: string;
        readonly outSha256: string;
        readonly count: number;
      }[];
      readonly bad: number;
      readonly shards: number;
    };
