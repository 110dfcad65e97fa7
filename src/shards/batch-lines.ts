import type { MatchOptions, MatchPair } from "../matcher-types.js";
import type { Line } from "../sources/read-lines.js";
import { validateBatchLine } from "../validate/validate-request.js";
import type { ChunkScorer, ItemOutcome, WireError } from "./chunk-task.js";
import { lineError, parseLine } from "./parse-line.js";

/**
 * Scores one chunk of batch lines into output NDJSON (`{ id, ...result }` or `{ id, error }` per line, in
 * order): the same code for the in-process `batch` and a distributed shard. Lines are checked by the
 * shared request validator, so the CLI and HTTP give the same rules and messages; ids are always strings.
 */
export async function batchLines(
  scorer: ChunkScorer,
  options: MatchOptions,
  lines: readonly Line[],
): Promise<{ text: string; count: number; bad: number }> {
  const checked = lines.map((line): { id: string; pair?: MatchPair; error?: WireError } => {
    const parsed = parseLine(line);
    if (!parsed.ok) return { id: parsed.id, error: parsed.error };
    const v = validateBatchLine(parsed.value, line.lineNo);
    return v.ok ? { id: v.id, pair: v.value } : { id: v.id, error: lineError(v.issues) };
  });
  const pairs: MatchPair[] = [];
  for (const c of checked) if (c.pair !== undefined) pairs.push(c.pair);
  const outcomes = await scorer.full({ pairs, options });
  let k = 0;
  let bad = 0;
  let text = "";
  for (const c of checked) {
    const outcome: ItemOutcome<object> =
      c.pair !== undefined
        ? (outcomes[k++] as ItemOutcome<object>)
        : { ok: false, error: c.error as WireError };
    if (!outcome.ok) bad++;
    text += `${JSON.stringify(outcome.ok ? { id: c.id, ...outcome.result } : { id: c.id, error: outcome.error })}\n`;
  }
  return { text, count: checked.length, bad };
}
