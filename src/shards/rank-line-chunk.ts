import type { Skill } from "../core/types.js";
import type { Matcher } from "../matcher-types.js";
import { checkRankLines } from "./check-rank-line.js";
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
  const candidates: (readonly Skill[])[] = [];
  const positions: number[] = [];
  checkRankLines(lines, errors, (k, id, skills) => {
    ids[k] = id;
    candidates.push(skills);
    positions.push(k);
  });
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
