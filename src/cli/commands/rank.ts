import { type Command, InvalidArgumentError, Option } from "commander";
import type { RequiredSkill, Strategy } from "../../core/types.js";
import { CompetencyError } from "../../errors.js";
import {
  RANK_CHUNK_LINES,
  STREAM_CHUNK_LINES,
  STREAM_CHUNKS_IN_FLIGHT_PER_WORKER,
} from "../../service/service-defaults.js";
import type { ChunkScorer } from "../../shards/chunk-task.js";
import { formatLineError, settleRankChunk } from "../../shards/rank-lines.js";
import { createTopK } from "../../shards/top-k.js";
import { throwIssues } from "../../validate/throw-issues.js";
import { validateSkillFile } from "../../validate/validate-request.js";
import type { CliContext } from "../cli-context.js";
import { parseWorkers } from "../create-scorer.js";
import { EXIT_USAGE } from "../exit-code.js";
import { inputSize } from "../input-size.js";
import { maxInputBytesOption } from "../max-input-bytes-option.js";
import { optionsFromEnv } from "../options-from-env.js";
import { createProgress } from "../progress.js";
import { closeRankInput, openRankInput, type RankInput, rankItems } from "../rank-input.js";
import { readJson } from "../read-input.js";
import { runDistributedFromCli } from "../run-distributed.js";
import { orderedPipeline } from "../stream/ordered-pipeline.js";
import { writeText } from "../stream/write-text.js";
import { rankStats, threadUse } from "../thread-use.js";
import { withRankScorer } from "../with-rank-scorer.js";

const EXAMPLES = `
role.json is a JSON array of required skills or { "skills": [...] }. Each candidates.jsonl line is
{ "id": string, "skills": [...] }. Output is NDJSON, best first:
{ "rank", "id", "overallScore", "overallInterval", "topGaps" }, or { "rank", "id", ...result } with --full.
Bad lines are reported on stderr as error[CODE] lines and skipped; the exit code is then 2.
Memory stays flat with --top N on any number of lines.

Examples:
  $ competency rank examples/role.json examples/candidates.jsonl --top 3
  $ competency rank role.json - --top 100 --workers 2 < candidates.jsonl
  $ competency rank role.json candidates.jsonl --top 10 --stats   # + how long each thread was busy
  $ competency rank role.json /shared/candidates.jsonl --top 100 --redis redis://10.0.0.5:6379
  $ competency rank role.json --from-postgres postgres://hr@db/hr --table people.candidates --top 100 --redis redis://10.0.0.5:6379

With --redis the file is split into shards that \`competency worker\` processes read themselves: on many
machines it must sit on storage every worker can read at the same path. Output is identical to in-process.
With --from-postgres and --redis the table is split into key ranges of id that each worker queries itself;
the URL's password never goes into Redis: workers take it from PGPASSWORD or ~/.pgpass.
`;

type RankFlags = {
  strategy: Strategy;
  top?: number;
  full?: true;
  workers?: number;
  redis?: string;
  shardSize?: number;
  prefix?: string;
  fromPostgres?: string;
  table?: string;
  maxInputBytes: number;
  stats?: true;
};

function positiveInt(raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`--top must be a positive integer, got ${JSON.stringify(raw)}`);
  return n;
}

function workersOption(raw: string): number {
  try {
    return parseWorkers(raw);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

/** `competency rank <role.json> <candidates.jsonl> [--top N]`: streams candidates, keeps the best N. */
export function registerRankCommand(program: Command, ctx: CliContext): void {
  program
    .command("rank")
    .description("rank candidates (NDJSON, streaming) against one role")
    .argument("<role.json>", "required skills (file or - for stdin)")
    .argument("[candidates.jsonl]", "NDJSON file of candidates (- for stdin); omit with --from-postgres")
    .option("--top <n>", "keep only the best N", positiveInt)
    .option("--full", "print full match results instead of summaries")
    .option(
      "--stats",
      "when done, print on stderr (one JSON line) how long each thread was busy and which one bounds the run",
    )
    .addOption(maxInputBytesOption())
    .addOption(
      new Option("--strategy <name>", "scoring strategy")
        .choices(["default", "conservative", "aggressive"])
        .default("default"),
    )
    .option(
      "--workers <n>",
      "worker threads, 0 = score on the main thread [env COMPETENCY_WORKERS, default 0]",
      workersOption,
    )
    .option(
      "--from-postgres <url>",
      "read candidates from PostgreSQL (table: id text primary key, skills jsonb)",
    )
    .option("--table <name>", "with --from-postgres: table or schema.table")
    .option("--redis <url>", "score on `competency worker` processes through this Redis (needs --top)")
    .option("--shard-size <n>", "with --redis: candidate lines per shard [default 10000]", positiveInt)
    .option("--prefix <prefix>", "with --redis: Redis key prefix of the queues [default competency]")
    .addHelpText("after", EXAMPLES)
    .action(async (rolePath: string, candidatesArg: string | undefined, flags: RankFlags) => {
      const startedAt = performance.now();
      const mainStart = performance.eventLoopUtilization();
      const role = await readRole(ctx, rolePath, flags.maxInputBytes);
      const candidatesPath = candidatesSource(candidatesArg, flags);
      if (flags.redis !== undefined) {
        if (flags.stats === true)
          throw new CompetencyError(
            "INVALID_INPUT",
            "--stats measures the threads of this process; with --redis the candidates are scored by `competency worker` processes",
          );
        await rankDistributed(ctx, role, candidatesPath, flags, flags.redis);
        return;
      }
      const fromPostgres = flags.fromPostgres;
      const total = fromPostgres === undefined ? await inputSize(candidatesPath) : undefined;
      const workers = flags.workers ?? optionsFromEnv(ctx.io.env).workers ?? 0;
      // Long chunks on the main thread (per-call work paid less often); workers keep short ones, because
      // each worker holds its chunks in flight and the pool's memory grows with their length.
      const chunkLines = workers === 0 ? RANK_CHUNK_LINES : STREAM_CHUNK_LINES;
      const input = await openRankInput(
        fromPostgres === undefined
          ? { path: candidatesPath, size: total, stdin: ctx.io.stdin }
          : { postgres: { url: fromPostgres, table: flags.table as string } },
        workers,
        chunkLines,
      );
      let run: LocalRun;
      try {
        run = await rankLocally(ctx, role, input, workers, total, flags);
      } finally {
        await closeRankInput(input);
      }
      if (flags.stats === true) {
        const main = performance.eventLoopUtilization(mainStart);
        const threads = [threadUse("main", mainWork(input.kind, workers), main)];
        if (input.kind === "parsed" && input.parsed.elu !== undefined)
          threads.push(threadUse("reader", "reads, parses and validates", input.parsed.elu));
        for (const w of run.workerUse) threads.push(threadUse(w.name, "parses, validates and scores", w.elu));
        const stats = rankStats(run.lines, performance.now() - startedAt, threads);
        await writeText(ctx.io.stderr, `${JSON.stringify({ stats })}\n`);
      }
    });
}

/** The role file, validated as the matcher would (strict: unknown keys are refused). */
async function readRole(
  ctx: CliContext,
  rolePath: string,
  maxInputBytes: number,
): Promise<readonly RequiredSkill[]> {
  const roleFile = validateSkillFile(
    await readJson(rolePath, ctx.io.stdin, maxInputBytes),
    `role ${rolePath === "-" ? "(stdin)" : rolePath}`,
    true,
  );
  if (!roleFile.ok) throwIssues(roleFile.issues);
  return (roleFile as { value: readonly RequiredSkill[] }).value;
}

/** The candidates' path ("-" for stdin), once the arguments name exactly one source. */
function candidatesSource(candidatesArg: string | undefined, flags: RankFlags): string {
  const fromPostgres = flags.fromPostgres;
  if (
    (fromPostgres === undefined) === (candidatesArg === undefined) ||
    (fromPostgres !== undefined) !== (flags.table !== undefined)
  )
    throw new CompetencyError(
      "INVALID_INPUT",
      "give either <candidates.jsonl> or --from-postgres <url> --table <name>",
    );
  return candidatesArg ?? "-";
}

/** What ranking in this process read: its lines, and the worker threads' use (for --stats). */
type LocalRun = { readonly lines: number; readonly workerUse: ReturnType<ChunkScorer["threadUse"]> };

/**
 * Ranks `input` on this process's threads and prints the best lines: whole chunks go through matcher.rank,
 * here or on a worker, with overall scores for every line and full results for the chunk's best --top only.
 * Bad lines are reported on stderr as they are settled, in input order, and set the exit code.
 */
async function rankLocally(
  ctx: CliContext,
  role: readonly RequiredSkill[],
  input: RankInput,
  workers: number,
  total: number | undefined,
  flags: RankFlags,
): Promise<LocalRun> {
  let lines = 0;
  const scorer = await withRankScorer(ctx, workers, role, async (scorer) => {
    const progress = createProgress(ctx.io, "rank", total, "bytes");
    const top = createTopK<{ id: string; result: object }>(flags.top ?? Number.POSITIVE_INFINITY);
    // A chunk is handed over after every earlier chunk's lines are in `top`, or in flight before it: the
    // bar it reads is never above what the lines before it hold, and earlier lines win ties.
    const rankTop = { top: flags.top, bar: () => top.bar };
    const options = { strategy: flags.strategy };
    let index = 0;
    let bytes = 0;
    let bad = 0;
    const seen = new Map<string, number>();
    const full = flags.full === true;
    // The scoring thread parses its chunk (or the reader thread did); ids are checked against earlier
    // lines here, in input order.
    const chunks = rankItems(input, { scorer, role, options, full, rankTop });
    try {
      await orderedPipeline(
        chunks,
        (item) => item.start(),
        scorer.parallelism * STREAM_CHUNKS_IN_FLIGHT_PER_WORKER,
        async (started, item) => {
          const { ranked, errors } = await settleRankChunk(
            scorer,
            role,
            options,
            full,
            started.lines,
            started.result,
            seen,
            rankTop,
          );
          for (const e of errors) {
            bad++;
            await writeText(ctx.io.stderr, formatLineError(e.lineNo, e.error));
          }
          for (const r of ranked)
            top.push({ score: r.result.overallScore, index: index++, value: { id: r.id, result: r.result } });
          bytes += item.bytes;
          lines += started.lines.length;
          progress.update(bytes);
        },
      );
    } finally {
      progress.stop();
    }
    let rank = 0;
    for (const entry of top.sorted()) {
      await writeText(
        ctx.io.stdout,
        `${JSON.stringify({ rank: ++rank, id: entry.value.id, ...entry.value.result })}\n`,
      );
    }
    if (bad > 0) ctx.exitCode = EXIT_USAGE;
    return scorer;
  });
  // Read once the scorer has closed: a pool takes its threads' use as they end.
  return { lines, workerUse: scorer.threadUse() };
}

/** What the main thread of `rank` does, by where the candidates go. */
function mainWork(kind: RankInput["kind"], workers: number): string {
  if (workers > 0) return kind === "bytes" ? "reads the file, keeps the best" : "reads lines, keeps the best";
  return kind === "parsed" ? "scores, keeps the best" : "reads, parses, validates and scores";
}

async function rankDistributed(
  ctx: CliContext,
  role: readonly RequiredSkill[],
  path: string,
  flags: RankFlags,
  redisUrl: string,
): Promise<void> {
  if (flags.top === undefined || (path === "-" && flags.fromPostgres === undefined))
    throw new CompetencyError(
      "INVALID_INPUT",
      "--redis needs --top N and a candidates file (not stdin) or --from-postgres",
    );
  // No matcher here: `role` passed validateSkillFile (strict, the matcher's default limits) before any shard
  // is queued, and a matcher's session would load the word vectors (~0.2 s) that only the workers use.
  const postgres =
    flags.fromPostgres === undefined
      ? {}
      : { postgres: { url: flags.fromPostgres, table: flags.table as string } };
  const result = await runDistributedFromCli(
    ctx,
    {
      kind: "rank",
      path,
      role,
      top: flags.top,
      full: flags.full === true,
      strategy: flags.strategy,
      ...postgres,
    },
    flags,
    redisUrl,
  );
  if (result.kind !== "rank") return;
  for (const e of result.errors) await writeText(ctx.io.stderr, formatLineError(e.lineNo, e.error));
  if (result.errorCount > result.errors.length)
    await writeText(
      ctx.io.stderr,
      `error[INVALID_INPUT]: ${result.errorCount - result.errors.length} more bad lines not listed\n`,
    );
  let rank = 0;
  for (const entry of result.top)
    await writeText(ctx.io.stdout, `${JSON.stringify({ rank: ++rank, id: entry.id, ...entry.result })}\n`);
  if (result.errorCount > 0) ctx.exitCode = EXIT_USAGE;
}
