import type { Skill } from "../core/types.js";
import type { Matcher } from "../matcher-types.js";
import { linesOfBytes } from "../sources/read-byte-chunks.js";
import { checkRankLines } from "./check-rank-line.js";
import type {
  LineError,
  RankBytesResult,
  RankBytesTask,
  RankLinesResult,
  RankLinesTask,
} from "./chunk-task.js";
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

/**
 * `rankLineChunk` for the bytes of whole lines (see read-byte-chunks.ts): split and decoded here, where the
 * chunk is scored, with the numbers of its lines for the caller.
 */
export function rankByteChunk(matcher: Matcher, task: RankBytesTask): Promise<RankBytesResult> {
  const { bytes, firstLineNo, ...rest } = task;
  const lines = linesOfBytes({ bytes, firstLineNo });
  const lineNos = Int32Array.from(lines, (line) => line.lineNo);
  return rankLineChunk(matcher, { ...rest, lines }).then((result) => ({ ...result, lineNos }));
}
