import { type Command, InvalidArgumentError, Option } from "commander";
import type { RequiredSkill, Skill, Strategy } from "../../core/types.js";
import type { MatchPair } from "../../matcher-types.js";
import { STREAM_CHUNK_LINES, STREAM_CHUNKS_IN_FLIGHT_PER_WORKER } from "../../service/service-defaults.js";
import type { ItemOutcome, WireError } from "../../shards/chunk-task.js";
import { parseLine } from "../../shards/parse-line.js";
import { createTopK } from "../../shards/top-k.js";
import { type Line, readLineChunks } from "../../sources/read-lines.js";
import type { CliContext } from "../cli-context.js";
import { createScorer, parseWorkers } from "../create-scorer.js";
import { EXIT_USAGE } from "../exit-code.js";
import { inputSize } from "../input-size.js";
import { optionsFromEnv } from "../options-from-env.js";
import { createProgress } from "../progress.js";
import { openInput, readJson } from "../read-input.js";
import { orderedPipeline } from "../stream/ordered-pipeline.js";
import { writeText } from "../stream/write-text.js";
import { withMatcher } from "../with-matcher.js";

const EXAMPLES = `
role.json is a JSON array of required skills or { "skills": [...] }. Each candidates.jsonl line is
{ "id": string, "skills": [...] }. Output is NDJSON, best first:
{ "rank", "id", "overallScore", "overallInterval", "topGaps" }, or { "rank", "id", ...result } with --full.
Bad lines are reported on stderr as error[CODE] lines and skipped; the exit code is then 2.
Memory stays flat with --top N on any number of lines.

Examples:
  $ competency rank examples/role.json examples/candidates.jsonl --top 3
  $ competency rank role.json - --top 100 --workers 2 < candidates.jsonl
`;

type RankFlags = { strategy: Strategy; top?: number; full?: true; workers?: number };

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
    .argument("<candidates.jsonl>", "NDJSON file of candidates (- for stdin)")
    .option("--top <n>", "keep only the best N", positiveInt)
    .option("--full", "print full match results instead of summaries")
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
    .addHelpText("after", EXAMPLES)
    .action(async (rolePath: string, candidatesPath: string, flags: RankFlags) => {
      const role = (await readJson(rolePath, ctx.io.stdin)) as readonly RequiredSkill[];
      const total = await inputSize(candidatesPath);
      const input = await openInput(candidatesPath, ctx.io.stdin);
      await withMatcher(ctx, async (matcher) => {
        await matcher.rank([], role); // validates the role once, before any candidate is read
        const scorer = createScorer(ctx, matcher, flags.workers ?? optionsFromEnv(ctx.io.env).workers ?? 0);
        const progress = createProgress(ctx.io, "rank", total, "bytes");
        const top = createTopK<{ id: string; result: object }>(flags.top ?? Number.POSITIVE_INFINITY);
        const options = { strategy: flags.strategy };
        let index = 0;
        let bytes = 0;
        let bad = 0;
        const report = async (lineNo: number, error: WireError): Promise<void> => {
          bad++;
          const message = error.message.includes(`line ${lineNo}`)
            ? error.message
            : `line ${lineNo}: ${error.message}`;
          await writeText(ctx.io.stderr, `error[${error.code}]: ${message}\n`);
        };
        const work = async (lines: Line[]) => {
          const parsed = lines.map((line) => parseLine(line, true));
          const pairs: MatchPair[] = [];
          for (const p of parsed)
            if (p.ok) pairs.push({ candidate: p.value.skills as readonly Skill[], required: role });
          const task = { pairs, options };
          const outcomes: ItemOutcome<object & { overallScore: number }>[] = flags.full
            ? await scorer.full(task)
            : await scorer.summary(task);
          return { parsed, outcomes };
        };
        try {
          await orderedPipeline(
            readLineChunks(input, STREAM_CHUNK_LINES),
            work,
            scorer.parallelism * STREAM_CHUNKS_IN_FLIGHT_PER_WORKER,
            async ({ parsed, outcomes }, lines) => {
              let k = 0;
              for (let j = 0; j < parsed.length; j++) {
                const p = parsed[j];
                const lineNo = (lines[j] as Line).lineNo;
                if (p === undefined) continue;
                if (!p.ok) {
                  await report(lineNo, p.error);
                  continue;
                }
                const outcome = outcomes[k++];
                if (outcome === undefined) continue;
                if (!outcome.ok) await report(lineNo, outcome.error);
                else
                  top.push({
                    score: outcome.result.overallScore,
                    index: index++,
                    value: { id: p.id as string, result: outcome.result },
                  });
              }
              for (const line of lines) bytes += Buffer.byteLength(line.text) + 1;
              progress.update(bytes);
            },
          );
        } finally {
          progress.stop();
          await scorer.close();
        }
        let rank = 0;
        for (const entry of top.sorted()) {
          await writeText(
            ctx.io.stdout,
            `${JSON.stringify({ rank: ++rank, id: entry.value.id, ...entry.value.result })}\n`,
          );
        }
        if (bad > 0) ctx.exitCode = EXIT_USAGE;
      });
    });
}
