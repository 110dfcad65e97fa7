import { type Command, InvalidArgumentError, Option } from "commander";
import type { Strategy } from "../../core/types.js";
import type { MatchPair } from "../../matcher-types.js";
import { STREAM_CHUNK_LINES, STREAM_CHUNKS_IN_FLIGHT_PER_WORKER } from "../../service/service-defaults.js";
import type { ItemOutcome, WireError } from "../../service/workers/chunk-task.js";
import { validateBatchLine } from "../../validate/validate-request.js";
import type { CliContext } from "../cli-context.js";
import { createScorer, parseWorkers } from "../create-scorer.js";
import { EXIT_USAGE } from "../exit-code.js";
import { inputSize } from "../input-size.js";
import { optionsFromEnv } from "../options-from-env.js";
import { lineError, parseLine } from "../parse-line.js";
import { createProgress } from "../progress.js";
import { openInput } from "../read-input.js";
import { orderedPipeline } from "../stream/ordered-pipeline.js";
import { type Line, readLineChunks } from "../stream/read-lines.js";
import { writeText } from "../stream/write-text.js";
import { withMatcher } from "../with-matcher.js";

const EXAMPLES = `
Each input line is { "id"?: string, "candidate": [...skills], "required": [...skills] }.
Each output line is { "id", ...result } in input order, or { "id", "error": { code, message, issues } }
for a bad line; processing goes on, and the exit code is 2 if any line was bad. Without an id, the
line number is used, as a string. Unknown keys and prototype keys are refused, as over HTTP.

Examples:
  $ competency batch examples/pairs.jsonl > results.jsonl
  $ cat pairs.jsonl | competency batch - --workers 2 --strategy conservative
`;

type BatchFlags = { strategy: Strategy; workers?: number };

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
    .addHelpText("after", EXAMPLES)
    .action(async (path: string, flags: BatchFlags) => {
      const total = await inputSize(path);
      const input = await openInput(path, ctx.io.stdin);
      await withMatcher(ctx, async (matcher) => {
        await matcher.ready();
        const scorer = createScorer(ctx, matcher, flags.workers ?? optionsFromEnv(ctx.io.env).workers ?? 0);
        const progress = createProgress(ctx.io, "batch", total, "bytes");
        let bytes = 0;
        let bad = 0;
        const work = async (lines: Line[]): Promise<string> => {
          const checked = lines.map((line): { id: string; pair?: MatchPair; error?: WireError } => {
            const parsed = parseLine(line);
            if (!parsed.ok) return { id: parsed.id, error: parsed.error };
            const v = validateBatchLine(parsed.value, line.lineNo);
            return v.ok ? { id: v.id, pair: v.value } : { id: v.id, error: lineError(v.issues) };
          });
          const pairs: MatchPair[] = [];
          for (const c of checked) if (c.pair !== undefined) pairs.push(c.pair);
          const outcomes = await scorer.full({ pairs, options: { strategy: flags.strategy } });
          let k = 0;
          let text = "";
          for (const c of checked) {
            const outcome: ItemOutcome<object> =
              c.pair !== undefined
                ? (outcomes[k++] as ItemOutcome<object>)
                : { ok: false, error: c.error as WireError };
            if (!outcome.ok) bad++;
            text += `${JSON.stringify(outcome.ok ? { id: c.id, ...outcome.result } : { id: c.id, error: outcome.error })}\n`;
          }
          return text;
        };
        try {
          await orderedPipeline(
            readLineChunks(input, STREAM_CHUNK_LINES),
            work,
            scorer.parallelism * STREAM_CHUNKS_IN_FLIGHT_PER_WORKER,
            async (text, lines) => {
              await writeText(ctx.io.stdout, text);
              for (const line of lines) bytes += Buffer.byteLength(line.text) + 1;
              progress.update(bytes);
            },
          );
        } finally {
          progress.stop();
          await scorer.close();
        }
        if (bad > 0) ctx.exitCode = EXIT_USAGE;
      });
    });
}
