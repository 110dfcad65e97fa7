import { createWriteStream } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type Command, InvalidArgumentError, Option } from "commander";
import type { Strategy } from "../../core/types.js";
import { CompetencyError } from "../../errors.js";
import { STREAM_CHUNK_LINES, STREAM_CHUNKS_IN_FLIGHT_PER_WORKER } from "../../service/service-defaults.js";
import { batchLines } from "../../shards/batch-lines.js";
import { type Line, readLineChunks } from "../../sources/read-lines.js";
import type { CliContext } from "../cli-context.js";
import { createScorer, parseWorkers } from "../create-scorer.js";
import { EXIT_USAGE } from "../exit-code.js";
import { inputSize } from "../input-size.js";
import { optionsFromEnv } from "../options-from-env.js";
import { createProgress } from "../progress.js";
import { openInput } from "../read-input.js";
import { runDistributedFromCli } from "../run-distributed.js";
import { orderedPipeline } from "../stream/ordered-pipeline.js";
import { writeText } from "../stream/write-text.js";
import { withMatcher } from "../with-matcher.js";

const EXAMPLES = `
Each input line is { "id"?: string, "candidate": [...skills], "required": [...skills] }.
Each output line is { "id", ...result } in input order, or { "id", "error": { code, message, issues } }
for a bad line; processing goes on, and the exit code is 2 if any line was bad. Without an id, the
line number is used.

Examples:
  $ competency batch examples/pairs.jsonl > results.jsonl
  $ cat pairs.jsonl | competency batch - --workers 2 --strategy conservative
  $ competency batch /shared/pairs.jsonl --redis redis://10.0.0.5:6379 --out /shared/results.jsonl

With --redis, \`competency worker\` processes read the shards of the input file and write their outputs to
--parts-dir: on many machines both must be on storage every worker and this process can reach.
`;

type BatchFlags = {
  strategy: Strategy;
  workers?: number;
  redis?: string;
  shardSize?: number;
  prefix?: string;
  out?: string;
  partsDir?: string;
};

function parseWorkersOption(raw: string): number {
  try {
    return parseWorkers(raw);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

/** `competency batch <pairs.jsonl>`: NDJSON in, NDJSON out, streamed with bounded memory. */
export function registerBatchCommand(program: Command, ctx: CliContext): void {
  program
    .command("batch")
    .description("score many candidate/role pairs from NDJSON, streaming")
    .argument("<pairs.jsonl>", "NDJSON file of pairs (- for stdin)")
    .addOption(
      new Option("--strategy <name>", "scoring strategy")
        .choices(["default", "conservative", "aggressive"])
        .default("default"),
    )
    .option(
      "--workers <n>",
      "worker threads, 0 = score on the main thread [env COMPETENCY_WORKERS, default 0]",
      parseWorkersOption,
    )
    .option("--redis <url>", "score on `competency worker` processes through this Redis")
    .option("--shard-size <n>", "with --redis: lines per shard [default 10000]", positiveIntOption)
    .option("--prefix <prefix>", "with --redis: Redis key prefix of the queues [default competency]")
    .option("--out <file>", "write the results to this file instead of stdout")
    .option(
      "--parts-dir <dir>",
      "with --redis: where workers write shard outputs (shared storage on many machines) [default <out>.parts or the temp dir]",
    )
    .addHelpText("after", EXAMPLES)
    .action(async (path: string, flags: BatchFlags) => {
      if (flags.redis !== undefined) {
        await batchDistributed(ctx, path, flags, flags.redis);
        return;
      }
      const total = await inputSize(path);
      const input = await openInput(path, ctx.io.stdin);
      await withMatcher(ctx, async (matcher) => {
        await matcher.ready();
        const scorer = createScorer(ctx, matcher, flags.workers ?? optionsFromEnv(ctx.io.env).workers ?? 0);
        const progress = createProgress(ctx.io, "batch", total, "bytes");
        const sink = flags.out === undefined ? ctx.io.stdout : createWriteStream(flags.out);
        let bytes = 0;
        let bad = 0;
        const work = async (lines: Line[]): Promise<string> => {
          const out = await batchLines(scorer, { strategy: flags.strategy }, lines);
          bad += out.bad;
          return out.text;
        };
        try {
          await orderedPipeline(
            readLineChunks(input, STREAM_CHUNK_LINES),
            work,
            scorer.parallelism * STREAM_CHUNKS_IN_FLIGHT_PER_WORKER,
            async (text, lines) => {
              await writeText(sink, text);
              for (const line of lines) bytes += Buffer.byteLength(line.text) + 1;
              progress.update(bytes);
            },
          );
        } finally {
          progress.stop();
          await scorer.close();
          if (sink !== ctx.io.stdout) await new Promise<void>((done) => sink.end(() => done()));
        }
        if (bad > 0) ctx.exitCode = EXIT_USAGE;
      });
    });
}

function positiveIntOption(raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`expected a positive integer, got ${JSON.stringify(raw)}`);
  return n;
}

async function batchDistributed(
  ctx: CliContext,
  path: string,
  flags: BatchFlags,
  redisUrl: string,
): Promise<void> {
  if (path === "-") throw new CompetencyError("INVALID_INPUT", "--redis needs a pairs file (not stdin)");
  const { concatBatchParts } = await import("../../distributed/concat-batch-parts.js");
  const outDir = resolve(
    flags.partsDir ??
      (flags.out === undefined ? join(tmpdir(), "competency-batch-parts") : `${flags.out}.parts`),
  );
  const result = await runDistributedFromCli(
    ctx,
    { kind: "batch", path, strategy: flags.strategy, outDir },
    flags,
    redisUrl,
  );
  if (result.kind !== "batch") return;
  const out = flags.out === undefined ? ctx.io.stdout : createWriteStream(flags.out);
  await concatBatchParts(result, out, outDir);
  if (out !== ctx.io.stdout)
    await new Promise<void>((done, fail) => out.end(() => done()).once("error", fail));
  if (result.bad > 0) ctx.exitCode = EXIT_USAGE;
}
