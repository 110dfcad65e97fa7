import { type Command, InvalidArgumentError, Option } from "commander";
import type { RequiredSkill, Skill, Strategy } from "../../core/types.js";
import type { MatchPair } from "../../matcher-types.js";
import { STREAM_CHUNK_LINES, STREAM_CHUNKS_IN_FLIGHT_PER_WORKER } from "../../service/service-defaults.js";
import type { ItemOutcome, WireError } from "../../service/workers/chunk-task.js";
import { escapeNonPrintable } from "../../validate/escape-non-printable.js";
import { throwIssues } from "../../validate/throw-issues.js";
import { duplicateId, validateRankLine, validateSkillFile } from "../../validate/validate-request.js";
import type { CliContext } from "../cli-context.js";
import { createScorer, parseWorkers } from "../create-scorer.js";
import { EXIT_USAGE } from "../exit-code.js";
import { inputSize } from "../input-size.js";
import { maxInputBytesOption } from "../max-input-bytes-option.js";
import { optionsFromEnv } from "../options-from-env.js";
import { lineError, type ParsedLine, parseLine } from "../parse-line.js";
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
Bad lines are reported on stderr as "error[CODE]: line N: path: message" and skipped; the exit code is then 2.
Ids must be unique: a repeated id is reported the same way and the later line skipped.
Memory stays flat with --top N on any number of lines.

Examples:
  $ competency rank examples/role.json examples/candidates.jsonl --top 3
  $ competency rank role.json - --top 100 --workers 2 < candidates.jsonl
`;

type RankFlags = { strategy: Strategy; top?: number; full?: true; workers?: number; maxInputBytes: number };

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
    .addHelpText("after", EXAMPLES)
    .action(async (rolePath: string, candidatesPath: string, flags: RankFlags) => {
      const roleFile = validateSkillFile(
        await readJson(rolePath, ctx.io.stdin, flags.maxInputBytes),
        `role ${rolePath === "-" ? "(stdin)" : rolePath}`,
        true,
      );
      if (!roleFile.ok) throwIssues(roleFile.issues);
      const role = (roleFile as { value: readonly RequiredSkill[] }).value;
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
        // One error-line format: `error[CODE]: line N: <path>: <text>`, whatever stage found the problem.
        const report = async (lineNo: number, error: WireError): Promise<void> => {
          bad++;
          const message = error.message.startsWith(`line ${lineNo}: `)
            ? error.message
            : `line ${lineNo}: ${error.message}`;
          await writeText(ctx.io.stderr, `error[${error.code}]: ${escapeNonPrintable(message)}\n`);
        };
        const seen = new Map<string, number>();
        const work = async (lines: Line[]) => {
          const parsed: ParsedLine[] = lines.map((line) => {
            const p = parseLine(line);
            if (!p.ok) return p;
            const v = validateRankLine(p.value, line.lineNo);
            if (!v.ok) return { ok: false, id: v.id ?? String(line.lineNo), error: lineError(v.issues) };
            return { ok: true, id: v.id, value: v.value };
          });
          const pairs: MatchPair[] = [];
          for (const p of parsed)
            if (p.ok) pairs.push({ candidate: p.value as readonly Skill[], required: role });
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
                const id = p.id as string;
                const first = seen.get(id);
                if (first !== undefined) {
                  // Duplicate ids are errors, as over HTTP: the later line is reported and skipped.
                  await report(
                    lineNo,
                    lineError(
                      [duplicateId(id, ["id"], `line ${first}`)].map((i) => ({
                        ...i,
                        message: `line ${lineNo}: id: ${i.message}`,
                      })),
                    ),
                  );
                  continue;
                }
                seen.set(id, lineNo);
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
