import type { CandidateColumns } from "../matcher-types.js";
import type { Line } from "../sources/read-lines.js";
import { checkRankLines } from "./check-rank-line.js";
import type { LineError, ParsedRankLines } from "./chunk-task.js";
import { duplicateLineError } from "./rank-lines.js";

/**
 * Parses and validates a chunk of candidate lines (checkRankLine: the rules and messages of every surface)
 * and lays the good ones out as columns with a dictionary of the chunk's distinct names. A line whose id an
 * earlier line (of any chunk: `seen` holds every good line's id and number) used is reported and left out,
 * as settleRankChunk does, so the ids of the columns are unique over the whole input. Columns cross a
 * thread as a few arrays; the same candidates as objects would be two objects per skill to clone and, on
 * the scoring thread, to collect.
 */
export function parseRankLines(lines: readonly Line[], seen: Map<string, number>): ParsedRankLines {
  const ids = new Array<string | null>(lines.length).fill(null);
  const errors: LineError[] = [];
  const candidateIds: string[] = [];
  const positions: number[] = [];
  const starts: number[] = [0];
  const names: string[] = [];
  const dictionary = new Map<string, number>();
  let name = new Int32Array(16 * lines.length);
  let value = new Float64Array(name.length);
  let max = new Float64Array(name.length);
  let n = 0;
  checkRankLines(lines, errors, (k, id, skills) => {
    const lineNo = lines[k]!.lineNo;
    const first = seen.get(id);
    if (first !== undefined) {
      errors.push({ lineNo, error: duplicateLineError(id, lineNo, first) });
      return;
    }
    seen.set(id, lineNo);
    ids[k] = id;
    if (n + skills.length > name.length) {
      const size = Math.max(2 * name.length, n + skills.length);
      name = grownTo(name, new Int32Array(size));
      value = grownTo(value, new Float64Array(size));
      max = grownTo(max, new Float64Array(size));
    }
    for (const skill of skills) {
      let d = dictionary.get(skill.name);
      if (d === undefined) {
        d = names.length;
        names.push(skill.name);
        dictionary.set(skill.name, d);
      }
      name[n] = d;
      value[n] = skill.level.value;
      max[n] = skill.level.max;
      n++;
    }
    candidateIds.push(String(positions.length));
    positions.push(k);
    starts.push(n);
  });
  const columns: CandidateColumns = {
    ids: candidateIds,
    start: Int32Array.from(starts),
    names,
    name: name.slice(0, n),
    value: value.slice(0, n),
    max: max.slice(0, n),
  };
  const lineNos = new Int32Array(lines.length);
  for (let k = 0; k < lines.length; k++) lineNos[k] = lines[k]!.lineNo;
  return { lineNos, ids, errors, columns, positions: Int32Array.from(positions) };
}

function grownTo<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
