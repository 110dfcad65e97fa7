import type { MatchOptions, MatchPair } from "../matcher-types.js";
import type { Line } from "../sources/read-lines.js";
import type { ChunkScorer, ItemOutcome } from "./chunk-task.js";
import { parseLine } from "./parse-line.js";

/**
 * Scores one chunk of batch lines into output NDJSON (`{ id, ...result }` or `{ id, error }` per line, in
 * order): the same code for the in-process `batch` and a distributed shard.
 */
export async function batchLines(
  scorer: ChunkScorer,
  options: MatchOptions,
  lines: readonly Line[],
): Promise<{ text: string; count: number; bad: number }> {
  const parsed = lines.map((line) => parseLine(line, false));
  const pairs: MatchPair[] = [];
  for (const p of parsed) if (p.ok) pairs.push(p.value as unknown as MatchPair);
  const outcomes = await scorer.full({ pairs, options });
  let k = 0;
  let bad = 0;
  let text = "";
  for (const p of parsed) {
    const outcome: ItemOutcome<object> = p.ok
      ? (outcomes[k++] as ItemOutcome<object>)
      : { ok: false, error: p.error };
    if (!outcome.ok) bad++;
    text += `${JSON.stringify(outcome.ok ? { id: p.id, ...outcome.result } : { id: p.id, error: outcome.error })}\n`;
  }
  return { text, count: parsed.length, bad };
}
