import { realpath } from "node:fs/promises";
import type { RequiredSkill, Strategy } from "../core/types.js";
import { CompetencyError } from "../errors.js";
import { planNdjsonRanges } from "../sources/ndjson-ranges.js";
import { planKeyRanges } from "../sources/postgres-keyset.js";
import { quoteTableName, redactPostgresUrl } from "../sources/postgres-lines.js";
import type { ShardJobData } from "./job-types.js";
import { sha256Hex } from "./run-id.js";

export type RankRun = {
  readonly kind: "rank";
  /** NDJSON file every worker can read at this path; or give `postgres` instead. */
  readonly path: string;
  readonly role: readonly RequiredSkill[];
  readonly top: number;
  readonly full: boolean;
  readonly strategy: Strategy;
  /** Rank the rows of a table `(id text primary key, skills jsonb)` instead of a file. */
  readonly postgres?: { readonly url: string; readonly table: string };
};
export type BatchRun = {
  readonly kind: "batch";
  readonly path: string;
  readonly strategy: Strategy;
  /** Directory every worker can write and this process can read. @default a new directory in os.tmpdir() */
  readonly outDir?: string;
};

/** What the per-run values (run id, role key, output directory) are, once the plan gave the run its id. */
export type RunContext = {
  readonly runId: string;
  readonly roleKey: string;
  readonly outDir: string;
  /** Redis key prefix of the queues (where file rank shards leave their id digests). */
  readonly prefix: string;
};

/** One planned shard: its size and checksum (what the root verifies) and how to describe it in errors. */
export type PlannedShard = {
  readonly index: number;
  readonly lines: number;
  readonly sha256: string;
  readonly where: string;
};

export type RunPlan = {
  readonly shards: readonly PlannedShard[];
  /** Input lines (file) or rows (table) in all. */
  readonly lines: number;
  /** Everything that makes the run what it is: hashed into the run id. */
  readonly identity: Readonly<Record<string, string | number | boolean>>;
  /**
   * Whether a finished run's stored result may be printed again. A file's identity covers its bytes; a
   * table's covers only its ids, so a table run is always scored afresh (with the same job ids).
   */
  readonly reusable: boolean;
  readonly jobs: (run: RunContext) => ShardJobData[];
};

/**
 * Plans a run: a file is cut into checksummed byte ranges (one read), a table into checksummed key ranges
 * of `id` (one read of the ids only). No candidate is read here, and no job will carry one.
 */
export async function planRun(spec: RankRun | BatchRun, shardLines: number): Promise<RunPlan> {
  if (spec.kind === "rank" && spec.postgres !== undefined) return planTable(spec, spec.postgres, shardLines);
  const path = await realpath(spec.path).catch((cause) => {
    throw new CompetencyError("FILE_NOT_FOUND", JSON.stringify(spec.path), { cause });
  });
  const plan = await planNdjsonRanges(path, shardLines);
  const options =
    spec.kind === "rank"
      ? { full: spec.full, top: spec.top, role: sha256Hex(JSON.stringify(spec.role)) }
      : { outDir: spec.outDir ?? "" };
  return {
    shards: plan.ranges.map((r) => ({
      index: r.index,
      lines: r.lines,
      sha256: r.sha256,
      where: `shard ${r.index} (lines ${r.firstLineNo}-${r.firstLineNo + r.lines - 1}, bytes ${r.start}-${r.end} of ${JSON.stringify(spec.path)})`,
    })),
    lines: plan.lines,
    identity: { kind: spec.kind, path, sha256: plan.sha256, shardLines, strategy: spec.strategy, ...options },
    reusable: true,
    jobs: (run) =>
      plan.ranges.map((r): ShardJobData => {
        const common = {
          source: "file" as const,
          runId: run.runId,
          shard: r.index,
          path,
          start: r.start,
          end: r.end,
          firstLineNo: r.firstLineNo,
          sha256: r.sha256,
          strategy: spec.strategy,
        };
        return spec.kind === "rank"
          ? {
              kind: "rank",
              ...common,
              roleKey: run.roleKey,
              full: spec.full,
              top: spec.top,
              idsKey: `${run.prefix}:ids:${run.runId}:${r.index}`,
              partKey: `${run.prefix}:part:${run.runId}:${r.index}`,
            }
          : { kind: "batch", ...common, outDir: run.outDir };
      }),
  };
}

async function planTable(
  spec: RankRun,
  source: { readonly url: string; readonly table: string },
  shardLines: number,
): Promise<RunPlan> {
  const quoted = quoteTableName(source.table); // checked before any connection
  const plan = await planKeyRanges(source.url, source.table, shardLines);
  // Jobs and the run id never hold the password: workers read it from PGPASSWORD or ~/.pgpass.
  const url = redactPostgresUrl(source.url, "");
  return {
    shards: plan.ranges.map((r) => ({
      index: r.index,
      lines: r.lines,
      sha256: r.sha256,
      where: `shard ${r.index} (rows ${r.firstLineNo}-${r.firstLineNo + r.lines - 1}, ids (${JSON.stringify(r.after)}, ${JSON.stringify(r.upTo)}] of table ${quoted})`,
    })),
    lines: plan.lines,
    identity: {
      kind: "rank",
      source: "postgres",
      url,
      table: quoted,
      sha256: plan.sha256,
      shardLines,
      strategy: spec.strategy,
      full: spec.full,
      top: spec.top,
      role: sha256Hex(JSON.stringify(spec.role)),
    },
    reusable: false,
    jobs: (run) =>
      plan.ranges.map((r) => ({
        kind: "rank",
        source: "postgres",
        runId: run.runId,
        shard: r.index,
        url,
        table: source.table,
        after: r.after,
        upTo: r.upTo,
        lines: r.lines,
        firstLineNo: r.firstLineNo,
        sha256: r.sha256,
        roleKey: run.roleKey,
        strategy: spec.strategy,
        full: spec.full,
        top: spec.top,
        partKey: `${run.prefix}:part:${run.runId}:${r.index}`,
      })),
  };
}
