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
 *
 * With `runNames` (every name of the run so far, numbered in order of first appearance), the dictionary is
 * the run's: `columns.names` lists only the names new in this chunk, which are the run's names from
 * `firstName` on, and the caller appends them to its copy of the run's names (see `withRunNames`). A name
 * then crosses the thread once per run rather than once per chunk, and the scoring thread finds it by
 * position (RawNames.positions) rather than by a lookup.
 */
export function parseRankLines(
  lines: readonly Line[],
  seen: Map<string, number>,
  runNames?: Map<string, number>,
): ParsedRankLines {
  const ids = new Array<string | null>(lines.length).fill(null);
  const errors: LineError[] = [];
  const candidateIds: string[] = [];
  const positions: number[] = [];
  const starts: number[] = [0];
  const names: string[] = [];
  const dictionary = runNames ?? new Map<string, number>();
  const firstName = dictionary.size;
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
        d = firstName + names.length;
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
  const parsed = { lineNos, ids, errors, columns, positions: Int32Array.from(positions) };
  return runNames === undefined ? parsed : { ...parsed, firstName };
}

/**
 * For the thread that scores chunks parsed with a run's names (see parseRankLines): gives each chunk the
 * run's names so far as its dictionary, appending the chunk's new names to them. Every chunk of a run gets
 * the same array object, so the matcher finds a name it has seen by its position; a chunk whose
 * `firstName` is 0 starts a new run, in a new array. Chunks parsed without a run's names pass unchanged.
 */
export function createRunNames(): (parsed: ParsedRankLines) => ParsedRankLines {
  let names: string[] = [];
  return (parsed) => {
    if (parsed.firstName === undefined) return parsed;
    if (parsed.firstName === 0) names = [];
    if (names.length !== parsed.firstName)
      throw new Error(`a chunk's names start at ${parsed.firstName}, but ${names.length} came before`);
    for (const name of parsed.columns.names) names.push(name);
    return { ...parsed, columns: { ...parsed.columns, names } };
  };
}

function grownTo<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
