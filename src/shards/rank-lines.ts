import type { RequiredSkill, Skill } from "../core/types.js";
import type { MatchOptions, MatchPair } from "../matcher-types.js";
import type { Line } from "../sources/read-lines.js";
import type { ChunkScorer, ItemOutcome, WireError } from "./chunk-task.js";
import { parseLine } from "./parse-line.js";

/** One scored candidate of a rank chunk. */
export type RankedLine = {
  readonly lineNo: number;
  readonly id: string;
  readonly result: object & { overallScore: number };
};
/** One bad line of a rank chunk. */
export type LineError = { readonly lineNo: number; readonly error: WireError };

/**
 * Scores one chunk of candidate lines against a role: the same code for the in-process `rank` and a
 * distributed shard. Both lists come back in line order.
 */
export async function rankLines(
  scorer: ChunkScorer,
  role: readonly RequiredSkill[],
  options: MatchOptions,
  full: boolean,
  lines: readonly Line[],
): Promise<{ ranked: RankedLine[]; errors: LineError[] }> {
  const parsed = lines.map((line) => parseLine(line, true));
  const pairs: MatchPair[] = [];
  for (const p of parsed)
    if (p.ok) pairs.push({ candidate: p.value.skills as readonly Skill[], required: role });
  const task = { pairs, options };
  const outcomes: ItemOutcome<object & { overallScore: number }>[] = full
    ? await scorer.full(task)
    : await scorer.summary(task);
  const ranked: RankedLine[] = [];
  const errors: LineError[] = [];
  let k = 0;
  for (let j = 0; j < parsed.length; j++) {
    const p = parsed[j];
    const lineNo = (lines[j] as Line).lineNo;
    if (p === undefined) continue;
    if (!p.ok) {
      errors.push({ lineNo, error: p.error });
      continue;
    }
    const outcome = outcomes[k++];
    if (outcome === undefined) continue;
    if (!outcome.ok) errors.push({ lineNo, error: outcome.error });
    else ranked.push({ lineNo, id: p.id as string, result: outcome.result });
  }
  return { ranked, errors };
}

/** The stderr line for a bad candidate line: `error[CODE]: line N: message`. */
export function formatLineError(lineNo: number, error: WireError): string {
  const message = error.message.includes(`line ${lineNo}`)
    ? error.message
    : `line ${lineNo}: ${error.message}`;
  return `error[${error.code}]: ${message}\n`;
}
