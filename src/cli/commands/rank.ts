import { type Command, InvalidArgumentError, Option } from "commander";
import type { RequiredSkill, Skill, Strategy } from "../../core/types.js";
import { CompetencyError } from "../../errors.js";
import type { Matcher, MatchPair, RankCandidate, RankEntry } from "../../matcher-types.js";
import { STREAM_CHUNK_LINES, STREAM_CHUNKS_IN_FLIGHT_PER_WORKER } from "../../service/service-defaults.js";
import type { ItemOutcome, WireError } from "../../service/workers/chunk-task.js";
import { summarize } from "../../service/workers/score-chunk.js";
import type { CliContext } from "../cli-context.js";
import { createScorer, parseWorkers } from "../create-scorer.js";
import { EXIT_USAGE } from "../exit-code.js";
import { inputSize } from "../input-size.js";
import { optionsFromEnv } from "../options-from-env.js";
import { type ParsedLine, parseLine } from "../parse-line.js";
import { createProgress } from "../progress.js";
import { openInput, readJson } from "../read-input.js";
import { orderedPipeline } from "../stream/ordered-pipeline.js";
import { type Line, readLineChunks } from "../stream/read-lines.js";
import { writeText } from "../stream/write-text.js";
import { createTopK } from "../top-k.js";
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

/**
 * Ranks one chunk's good lines on this thread with `matcher.rank`: overall scores for all, full results only
 * for the chunk's best `top` (the only ones that can reach the global top N). Outcomes are index-aligned
 * with the good lines, `undefined` for lines that cannot make the top. Returns null when some line is
 * invalid, so that the caller scores pair by pair and reports exactly the bad lines.
 */
async function rankLocally(
  matcher: Matcher,
  parsed: readonly ParsedLine[],
  role: readonly RequiredSkill[],
  strategy: Strategy,
  top: number | undefined,
  full: true | undefined,
): Promise<(ItemOutcome<object & { overallScore: number }> | undefined)[] | null> {
  // Ids are positions here, so that duplicate ids in the input map back to their own lines.
  const candidates: RankCandidate[] = [];
  for (const p of parsed)
    if (p.ok) candidates.push({ id: String(candidates.length), skills: p.value.skills as Skill[] });
  let ranked: RankEntry[];
  try {
    ranked = await matcher.rank(candidates, role, top === undefined ? { strategy } : { strategy, topK: top });
  } catch (error) {
    if (error instanceof CompetencyError && error.code === "INVALID_INPUT") return null;
    throw error;
  }
  const outcomes = new Array<ItemOutcome<object & { overallScore: number }> | undefined>(candidates.length);
  for (const entry of ranked)
    outcomes[Number(entry.id)] = { ok: true, result: full ? entry.result : summarize(entry.result) };
  return outcomes;
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
        const workers = flags.workers ?? optionsFromEnv(ctx.io.env).workers ?? 0;
        const scorer = createScorer(ctx, matcher, workers);
        // On this thread, whole chunks go through matcher.rank (overall scores, full results for the top only).
        const local = workers === 0 || ctx.workerMatcherOptions === undefined;
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
          if (local) {
            const ranked = await rankLocally(matcher, parsed, role, flags.strategy, flags.top, flags.full);
            if (ranked !== null) return { parsed, outcomes: ranked };
          }
          const pairs: MatchPair[] = [];
          for (const p of parsed)
            if (p.ok) pairs.push({ candidate: p.value.skills as readonly Skill[], required: role });
          const task = { pairs, options };
          const outcomes: (ItemOutcome<object & { overallScore: number }> | undefined)[] = flags.full
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
