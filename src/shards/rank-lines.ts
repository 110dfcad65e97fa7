import type { RequiredSkill, Skill } from "../core/types.js";
import type { MatchOptions, MatchPair } from "../matcher-types.js";
import type { Line } from "../sources/read-lines.js";
import { escapeNonPrintable } from "../validate/escape-non-printable.js";
import { duplicateId, validateRankLine } from "../validate/validate-request.js";
import type { ChunkScorer, ItemOutcome, WireError } from "./chunk-task.js";
import { lineError, parseLine } from "./parse-line.js";

/** One scored candidate of a rank chunk. */
export type RankedLine = {
  readonly lineNo: number;
  readonly id: string;
  readonly result: object & { overallScore: number };
};
/** One bad line of a rank chunk. */
export type LineError = { readonly lineNo: number; readonly error: WireError };

/**
 * Rank chunks through `scorer.rank`: only lines that can reach the top `top` get results. `bar` reads the
 * score the caller's top already holds (earlier lines win ties), so a chunk returns only what can get in.
 */
export type RankTop = { readonly top: number | undefined; readonly bar?: () => number };

type Outcome = ItemOutcome<object & { overallScore: number }> | undefined;

/** A line after parsing and validation: its candidate's skills, or the error to report. */
type CheckedLine =
  | { readonly ok: true; readonly lineNo: number; readonly id: string; readonly skills: readonly Skill[] }
  | { readonly ok: false; readonly lineNo: number; readonly error: WireError };

/**
 * Parses and validates a chunk with the shared request validator (the rules and messages HTTP uses).
 * Duplicate ids are errors, as over HTTP: the later line is reported and skipped. `seen` spans the run,
 * and this runs synchronously when a chunk is handed over, so chunks are checked in input order.
 */
function checkLines(lines: readonly Line[], seen: Map<string, number>): CheckedLine[] {
  return lines.map((line): CheckedLine => {
    const p = parseLine(line);
    if (!p.ok) return { ok: false, lineNo: line.lineNo, error: p.error };
    const v = validateRankLine(p.value, line.lineNo);
    if (!v.ok) return { ok: false, lineNo: line.lineNo, error: lineError(v.issues) };
    const id = v.id ?? String(line.lineNo);
    const first = seen.get(id);
    if (first !== undefined)
      return { ok: false, lineNo: line.lineNo, error: duplicateLineError(id, line.lineNo, first) };
    seen.set(id, line.lineNo);
    return { ok: true, lineNo: line.lineNo, id, skills: v.value };
  });
}

/** The error of a line whose id an earlier line (`firstLineNo`) already used: the later line is skipped. */
export function duplicateLineError(id: string, lineNo: number, firstLineNo: number): WireError {
  const issue = duplicateId(id, ["id"], `line ${firstLineNo}`);
  return lineError([{ ...issue, message: `line ${lineNo}: id: ${issue.message}` }]);
}

/** The id a valid rank line is known by (its `id`, or its line number), or undefined for an invalid line. */
export function rankLineId(line: Line): string | undefined {
  const p = parseLine(line);
  if (!p.ok) return undefined;
  const v = validateRankLine(p.value, line.lineNo);
  return v.ok ? (v.id ?? String(line.lineNo)) : undefined;
}

/**
 * Ranks one chunk's good lines with `scorer.rank` (in this thread or on a worker): outcomes are
 * index-aligned with the good lines, `undefined` for lines that cannot make the top. Returns null when some
 * line is invalid, so that the caller scores pair by pair and reports exactly the bad lines.
 */
async function rankChunkLines(
  scorer: ChunkScorer,
  checked: readonly CheckedLine[],
  role: readonly RequiredSkill[],
  options: MatchOptions,
  full: boolean,
  rankTop: RankTop,
): Promise<Outcome[] | null> {
  const candidates: (readonly Skill[])[] = [];
  for (const c of checked) if (c.ok) candidates.push(c.skills);
  const strategy = options.strategy ?? "default";
  const above = rankTop.bar?.() ?? Number.NEGATIVE_INFINITY;
  const ranked = await scorer.rank({ candidates, role, strategy, top: rankTop.top, full, above });
  if (ranked === null) return null;
  const outcomes = new Array<Outcome>(candidates.length);
  for (const entry of ranked) outcomes[entry.index] = { ok: true, result: entry.result };
  return outcomes;
}

/**
 * Scores one chunk of candidate lines against a role: the same code for the in-process `rank` and a
 * distributed shard. Both lists come back in line order. With `rankTop`, a chunk goes through
 * `scorer.rank` and lines that cannot reach the top are left out of `ranked` (the merged top N is the same).
 */
export async function rankLines(
  scorer: ChunkScorer,
  role: readonly RequiredSkill[],
  options: MatchOptions,
  full: boolean,
  lines: readonly Line[],
  seen: Map<string, number>,
  rankTop?: RankTop,
): Promise<{ ranked: RankedLine[]; errors: LineError[] }> {
  const checked = checkLines(lines, seen);
  let outcomes: Outcome[] | null =
    rankTop === undefined ? null : await rankChunkLines(scorer, checked, role, options, full, rankTop);
  if (outcomes === null) {
    const pairs: MatchPair[] = [];
    for (const c of checked) if (c.ok) pairs.push({ candidate: c.skills, required: role });
    const task = { pairs, options };
    outcomes = full ? await scorer.full(task) : await scorer.summary(task);
  }
  const ranked: RankedLine[] = [];
  const errors: LineError[] = [];
  let k = 0;
  for (const c of checked) {
    if (!c.ok) {
      errors.push({ lineNo: c.lineNo, error: c.error });
      continue;
    }
    const outcome = outcomes[k++];
    if (outcome === undefined) continue;
    if (!outcome.ok) errors.push({ lineNo: c.lineNo, error: outcome.error });
    else ranked.push({ lineNo: c.lineNo, id: c.id, result: outcome.result });
  }
  return { ranked, errors };
}

/** The one stderr format for a bad candidate line, whatever stage found it: `error[CODE]: line N: path: text`. */
export function formatLineError(lineNo: number, error: WireError): string {
  const message = error.message.startsWith(`line ${lineNo}: `)
    ? error.message
    : `line ${lineNo}: ${error.message}`;
  return `error[${error.code}]: ${escapeNonPrintable(message)}\n`;
}
