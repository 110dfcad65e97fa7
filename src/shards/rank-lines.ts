import type { RequiredSkill, Skill } from "../core/types.js";
import { CompetencyError } from "../errors.js";
import type { MatchOptions, MatchPair } from "../matcher-types.js";
import { type ByteChunk, linesOfBytes } from "../sources/read-byte-chunks.js";
import type { Line } from "../sources/read-lines.js";
import { escapeNonPrintable } from "../validate/escape-non-printable.js";
import { skillsOfColumn } from "../validate/validate-candidate-columns.js";
import { duplicateId } from "../validate/validate-request.js";
import { checkRankLine } from "./check-rank-line.js";
import type {
  ChunkScorer,
  ItemOutcome,
  LineError,
  ParsedRankLines,
  RankBytesResult,
  RankLinesResult,
  WireError,
} from "./chunk-task.js";
import { lineError } from "./parse-line.js";

/** One scored candidate of a rank chunk. */
export type RankedLine = {
  readonly lineNo: number;
  readonly id: string;
  readonly result: object & { overallScore: number };
};

/**
 * Rank chunks through `scorer.rank`: only lines that can reach the top `top` get results. `bar` reads the
 * score the caller's top already holds (earlier lines win ties), so a chunk returns only what can get in.
 */
export type RankTop = { readonly top: number | undefined; readonly bar?: () => number };

type Outcome = ItemOutcome<object & { overallScore: number }> | undefined;

/** A chunk's scored lines and bad lines, both in line order. */
export type RankedChunk = { ranked: RankedLine[]; errors: LineError[] };

/**
 * The lines of a chunk as `settleRankChunk` reads them: how many, the number of line k, and the skills of
 * a line that was found valid (read again only on the rare path of a chunk ranked twice).
 */
export type SettleLines = {
  readonly length: number;
  /** True when the ids of these lines were already checked against every earlier line (by the reader). */
  readonly idsChecked: boolean;
  lineNo(k: number): number;
  skills(k: number): readonly Skill[];
};

/** SettleLines over raw lines: a valid line's skills are parsed again when asked for. */
export function settleLinesOf(lines: readonly Line[]): SettleLines {
  return {
    length: lines.length,
    idsChecked: false,
    lineNo: (k) => lines[k]!.lineNo,
    skills: (k) => (checkRankLine(lines[k]!) as { skills: readonly Skill[] }).skills,
  };
}

/** SettleLines over a chunk parsed into columns (see parse-rank-lines.ts): skills come from the columns. */
export function settleLinesOfParsed(parsed: ParsedRankLines): SettleLines {
  let candidateOf: Int32Array | null = null;
  return {
    length: parsed.lineNos.length,
    idsChecked: true,
    lineNo: (k) => parsed.lineNos[k]!,
    skills(k) {
      if (candidateOf === null) {
        candidateOf = new Int32Array(parsed.lineNos.length).fill(-1);
        parsed.positions.forEach((line, j) => {
          candidateOf![line] = j;
        });
      }
      return skillsOfColumn(parsed.columns, candidateOf[k]!);
    },
  };
}

/**
 * SettleLines over a chunk of bytes ranked by `rankBytes`: line numbers from its result; a valid line's
 * skills are decoded and parsed again when asked for, from the bytes `bytesAgain` gives (a pool took the
 * chunk's own bytes with it).
 */
export function settleLinesOfBytes(
  chunk: ByteChunk,
  lineNos: Int32Array,
  bytesAgain: () => Uint8Array,
): SettleLines {
  let lines: Line[] | null = null;
  return {
    length: lineNos.length,
    idsChecked: false,
    lineNo: (k) => lineNos[k]!,
    skills(k) {
      lines ??= linesOfBytes({ ...chunk, bytes: bytesAgain() });
      const line = lines[k];
      // Read again from the file: it may have changed since it was first read.
      const checked = line !== undefined && line.lineNo === lineNos[k] ? checkRankLine(line) : undefined;
      if (checked?.ok !== true)
        throw new CompetencyError("INPUT_CHANGED", `line ${lineNos[k]} changed while it was being ranked`);
      return checked.skills;
    },
  };
}

/** The id a valid rank line is known by (its `id`, or its line number), or undefined for an invalid line. */
export function rankLineId(line: Line): string | undefined {
  const checked = checkRankLine(line);
  return checked.ok ? checked.id : undefined;
}

/** The error of a line whose id an earlier line (`firstLineNo`) already used: the later line is skipped. */
export function duplicateLineError(id: string, lineNo: number, firstLineNo: number): WireError {
  const issue = duplicateId(id, ["id"], `line ${firstLineNo}`);
  return lineError([{ ...issue, message: `line ${lineNo}: id: ${issue.message}` }]);
}

/**
 * Hands one chunk of raw lines to the scorer, which parses, validates and ranks them where it scores (a
 * worker, or this thread): only lines that can reach `rankTop.top` above the bar the caller's top holds
 * now get results. Call it when the chunk is handed over (the bar then never sits above what the lines
 * before it hold), and `settleRankChunk` on its result in line order.
 */
export function startRankChunk(
  scorer: ChunkScorer,
  role: readonly RequiredSkill[],
  options: MatchOptions,
  full: boolean,
  lines: readonly Line[],
  rankTop: RankTop,
): Promise<RankLinesResult> {
  return scorer.rankLines({ lines, ...rankTask(role, options, full, rankTop) });
}

/** `startRankChunk` for a chunk already parsed into columns, ranked by the scorer's `rankParsed`. */
export function startParsedRankChunk(
  scorer: ChunkScorer,
  role: readonly RequiredSkill[],
  options: MatchOptions,
  full: boolean,
  parsed: ParsedRankLines,
  rankTop: RankTop,
): Promise<RankLinesResult> {
  if (scorer.rankParsed === undefined) throw new Error("this scorer takes raw lines only");
  return scorer.rankParsed({ parsed, ...rankTask(role, options, full, rankTop) });
}

/** `startRankChunk` for a chunk of bytes of whole lines (see read-byte-chunks.ts), split where it is scored. */
export function startByteRankChunk(
  scorer: ChunkScorer,
  role: readonly RequiredSkill[],
  options: MatchOptions,
  full: boolean,
  chunk: ByteChunk,
  rankTop: RankTop,
): Promise<RankBytesResult> {
  return scorer.rankBytes({
    bytes: chunk.bytes,
    firstLineNo: chunk.firstLineNo,
    ...rankTask(role, options, full, rankTop),
  });
}

/** What a rank task holds besides its candidates, with the bar the caller's top holds now. */
function rankTask(role: readonly RequiredSkill[], options: MatchOptions, full: boolean, rankTop: RankTop) {
  return {
    role,
    strategy: options.strategy ?? "default",
    top: rankTop.top,
    full,
    above: rankTop.bar?.() ?? Number.NEGATIVE_INFINITY,
  };
}

/**
 * Finishes a chunk from `startRankChunk`, called for each chunk in input order: a line whose id an earlier
 * line (of any chunk) used is reported and skipped, as over HTTP, and `seen` records the rest. When such a
 * line was among the chunk's best, or the matcher rejected the chunk, the chunk's other good lines are
 * ranked again here without it, so the result is the one of a chunk that never held it.
 */
export async function settleRankChunk(
  scorer: ChunkScorer,
  role: readonly RequiredSkill[],
  options: MatchOptions,
  full: boolean,
  lines: SettleLines,
  started: RankLinesResult,
  seen: Map<string, number>,
  rankTop: RankTop,
): Promise<RankedChunk> {
  const errors: LineError[] = [];
  const good: number[] = [];
  let duplicates: Set<number> | null = null;
  let e = 0;
  for (let k = 0; k < lines.length; k++) {
    const id = started.ids[k]!;
    const lineNo = lines.lineNo(k);
    if (id === null) {
      errors.push(started.errors[e++]!);
      continue;
    }
    if (!lines.idsChecked) {
      const first = seen.get(id);
      if (first !== undefined) {
        errors.push({ lineNo, error: duplicateLineError(id, lineNo, first) });
        duplicates ??= new Set();
        duplicates.add(k);
        continue;
      }
      seen.set(id, lineNo);
    }
    good.push(k);
  }
  const ranked = started.ranked;
  if (ranked !== null && (duplicates === null || !ranked.some((r) => duplicates.has(r.index)))) {
    // Line order, as the caller's top breaks ties by arrival.
    const byLine = [...ranked].sort((a, b) => a.index - b.index);
    return {
      ranked: byLine.map((r) => ({
        lineNo: lines.lineNo(r.index),
        id: started.ids[r.index]!,
        result: r.result,
      })),
      errors,
    };
  }
  const kept = good.map((k) => lines.skills(k));
  const outcomes = await scoreCandidates(scorer, role, options, full, kept, rankTop);
  const out: RankedLine[] = [];
  good.forEach((k, j) => {
    const outcome = outcomes[j];
    if (outcome === undefined) return;
    const lineNo = lines.lineNo(k);
    if (!outcome.ok) errors.push({ lineNo, error: outcome.error });
    else out.push({ lineNo, id: started.ids[k]!, result: outcome.result });
  });
  errors.sort((a, b) => a.lineNo - b.lineNo);
  return { ranked: out, errors };
}

/**
 * Outcomes of validated candidates, index-aligned, `undefined` for those that cannot make the top: through
 * `scorer.rank`, or pair by pair when the matcher rejects the chunk (reporting exactly the bad candidates).
 */
async function scoreCandidates(
  scorer: ChunkScorer,
  role: readonly RequiredSkill[],
  options: MatchOptions,
  full: boolean,
  candidates: readonly (readonly Skill[])[],
  rankTop: RankTop,
): Promise<Outcome[]> {
  const ranked = await scorer.rank({ candidates, ...rankTask(role, options, full, rankTop) });
  if (ranked !== null) {
    const outcomes = new Array<Outcome>(candidates.length);
    for (const entry of ranked) outcomes[entry.index] = { ok: true, result: entry.result };
    return outcomes;
  }
  const pairs: MatchPair[] = candidates.map((candidate) => ({ candidate, required: role }));
  const task = { pairs, options };
  return full ? await scorer.full(task) : await scorer.summary(task);
}

/**
 * Scores one chunk of candidate lines against a role, for a caller that awaits each chunk before the next
 * (a distributed shard): `startRankChunk` then `settleRankChunk`. Both lists come back in line order, and
 * lines that cannot reach `rankTop.top` are left out of `ranked` (the merged top N is the same).
 */
export async function rankLines(
  scorer: ChunkScorer,
  role: readonly RequiredSkill[],
  options: MatchOptions,
  full: boolean,
  lines: readonly Line[],
  seen: Map<string, number>,
  rankTop: RankTop,
): Promise<RankedChunk> {
  const started = await startRankChunk(scorer, role, options, full, lines, rankTop);
  return settleRankChunk(scorer, role, options, full, settleLinesOf(lines), started, seen, rankTop);
}

/** The one stderr format for a bad candidate line, whatever stage found it: `error[CODE]: line N: path: text`. */
export function formatLineError(lineNo: number, error: WireError): string {
  const message = error.message.startsWith(`line ${lineNo}: `)
    ? error.message
    : `line ${lineNo}: ${error.message}`;
  return `error[${error.code}]: ${escapeNonPrintable(message)}\n`;
}
