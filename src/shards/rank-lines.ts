import type { RequiredSkill, Skill } from "../core/types.js";
import { CompetencyError } from "../errors.js";
import type { Matcher, MatchOptions, MatchPair, RankCandidate, RankEntry } from "../matcher-types.js";
import type { Line } from "../sources/read-lines.js";
import type { ChunkScorer, ItemOutcome, WireError } from "./chunk-task.js";
import { type ParsedLine, parseLine } from "./parse-line.js";
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

/**
 * Ranks one chunk's good lines with `matcher.rank`: overall scores for all, full results only for the
 * chunk's best `top` (the only ones that can reach the global top N). Outcomes are index-aligned with the
 * good lines, `undefined` for lines that cannot make the top. Returns null when some line is invalid, so
 * that the caller scores pair by pair and reports exactly the bad lines.
 */
async function rankOnThread(
  local: LocalRank,
  parsed: readonly ParsedLine[],
  role: readonly RequiredSkill[],
  options: MatchOptions,
  full: boolean,
): Promise<Outcome[] | null> {
  // Ids are positions here, so that duplicate ids in the input map back to their own lines.
  const candidates: RankCandidate[] = [];
  for (const p of parsed)
    if (p.ok) candidates.push({ id: String(candidates.length), skills: p.value.skills as Skill[] });
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
  local?: LocalRank,
): Promise<{ ranked: RankedLine[]; errors: LineError[] }> {
  const parsed = lines.map((line) => parseLine(line, true));
  let outcomes: Outcome[] | null =
    local === undefined ? null : await rankOnThread(local, parsed, role, options, full);
  if (outcomes === null) {
    const pairs: MatchPair[] = [];
    for (const p of parsed)
      if (p.ok) pairs.push({ candidate: p.value.skills as readonly Skill[], required: role });
    const task = { pairs, options };
    outcomes = full ? await scorer.full(task) : await scorer.summary(task);
  }
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
