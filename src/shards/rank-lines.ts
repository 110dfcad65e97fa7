import type { RequiredSkill, Skill } from "../core/types.js";
import { CompetencyError } from "../errors.js";
import type { Matcher, MatchOptions, MatchPair, RankCandidate, RankEntry } from "../matcher-types.js";
import type { Line } from "../sources/read-lines.js";
import { escapeNonPrintable } from "../validate/escape-non-printable.js";
import { duplicateId, validateRankLine } from "../validate/validate-request.js";
import type { ChunkScorer, ItemOutcome, WireError } from "./chunk-task.js";
import { lineError, parseLine } from "./parse-line.js";
import { summarize } from "./score-chunk.js";

/** One scored candidate of a rank chunk. */
export type RankedLine = {
  readonly lineNo: number;
  readonly id: string;
  readonly result: object & { overallScore: number };
};
/** One bad line of a rank chunk. */
export type LineError = { readonly lineNo: number; readonly error: WireError };

/** Ranking on this thread: a chunk goes through `matcher.rank`, and only its best `top` get full results. */
export type LocalRank = { readonly matcher: Matcher; readonly top: number | undefined };

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
 * Ranks one chunk's good lines with `matcher.rank`: overall scores for all, full results only for the
 * chunk's best `top` (the only ones that can reach the global top N). Outcomes are index-aligned with the
 * good lines, `undefined` for lines that cannot make the top. Returns null when some line is invalid, so
 * that the caller scores pair by pair and reports exactly the bad lines.
 */
async function rankOnThread(
  local: LocalRank,
  checked: readonly CheckedLine[],
  role: readonly RequiredSkill[],
  options: MatchOptions,
  full: boolean,
): Promise<Outcome[] | null> {
  // Ids are positions here, so that duplicate ids in the input map back to their own lines.
  const candidates: RankCandidate[] = [];
  for (const c of checked) if (c.ok) candidates.push({ id: String(candidates.length), skills: c.skills });
  const strategy = options.strategy ?? "default";
  let ranked: RankEntry[];
  try {
    ranked = await local.matcher.rank(
      candidates,
      role,
      local.top === undefined ? { strategy } : { strategy, topK: local.top },
    );
  } catch (error) {
    if (error instanceof CompetencyError && error.code === "INVALID_INPUT") return null;
    throw error;
  }
  const outcomes = new Array<Outcome>(candidates.length);
  for (const entry of ranked)
    outcomes[Number(entry.id)] = { ok: true, result: full ? entry.result : summarize(entry.result) };
  return outcomes;
}

/**
 * Scores one chunk of candidate lines against a role: the same code for the in-process `rank` and a
 * distributed shard. Both lists come back in line order. With `local`, a chunk is ranked on this thread
 * and lines that cannot reach the top are left out of `ranked` (the merged top N is the same).
 */
export async function rankLines(
  scorer: ChunkScorer,
  role: readonly RequiredSkill[],
  options: MatchOptions,
  full: boolean,
  lines: readonly Line[],
  seen: Map<string, number>,
  local?: LocalRank,
): Promise<{ ranked: RankedLine[]; errors: LineError[] }> {
  const checked = checkLines(lines, seen);
  let outcomes: Outcome[] | null =
    local === undefined ? null : await rankOnThread(local, checked, role, options, full);
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
