import type { Matcher } from "../matcher-types.js";
import { checkRankLine } from "./check-rank-line.js";
import type { LineError, RankLinesResult, RankLinesTask } from "./chunk-task.js";
import { rankChunk } from "./rank-chunk.js";

/**
 * Parses, validates and ranks one chunk of raw candidate lines where the matcher is (this thread or a
 * worker), so the thread that reads the input never parses it: handing parsed candidates to a worker costs
 * a structured clone of every skill object, more than the parse itself. Duplicate ids are left to the
 * caller (it sees every chunk, in order): `ids` gives each good line's id, and a chunk with a duplicate in
 * its best lines is ranked again without it (see rank-lines.ts).
 */
export async function rankLineChunk(matcher: Matcher, task: RankLinesTask): Promise<RankLinesResult> {
  const { lines } = task;
  const ids = new Array<string | null>(lines.length).fill(null);
  const errors: LineError[] = [];
  const candidates = [];
  const positions: number[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    const checked = checkRankLine(line);
    if (!checked.ok) {
      errors.push({ lineNo: line.lineNo, error: checked.error });
      continue;
    }
    ids[k] = checked.id;
    candidates.push(checked.skills);
    positions.push(k);
  }
  const { role, strategy, top, full, above } = task;
  const ranked = await rankChunk(matcher, {
    candidates,
    role,
    strategy,
    top,
    full,
    ...(above === undefined ? {} : { above }),
  });
  return {
    ids,
    errors,
    ranked: ranked === null ? null : ranked.map((e) => ({ index: positions[e.index]!, result: e.result })),
  };
}
