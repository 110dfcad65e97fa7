import type { MatchResult } from "../core/types.js";
import { CompetencyError } from "../errors.js";
import type { Matcher } from "../matcher-types.js";
import type { ChunkTask, ItemOutcome, RankSummary, WireError } from "./chunk-task.js";

const TOP_GAPS = 3;

/** The wire form of an expected (CompetencyError) failure; anything else is rethrown as a defect. */
export function toWireError(error: unknown): WireError {
  if (!(error instanceof CompetencyError)) throw error;
  return error.issues.length > 0
    ? { code: error.code, message: error.message, issues: error.issues }
    : { code: error.code, message: error.message };
}

/**
 * Scores every pair of a chunk with one matchBatch call (each distinct name embedded once). When the
 * batch is rejected as invalid, falls back to one match per pair so that only the bad pairs fail.
 */
export async function scoreChunk(matcher: Matcher, task: ChunkTask): Promise<ItemOutcome<MatchResult>[]> {
  if (task.pairs.length === 0) return [];
  try {
    const results = await matcher.matchBatch(task.pairs, task.options);
    return results.map((result) => ({ ok: true, result }));
  } catch (error) {
    if (!(error instanceof CompetencyError) || error.code !== "INVALID_INPUT") throw error;
  }
  const out: ItemOutcome<MatchResult>[] = [];
  for (const pair of task.pairs) {
    try {
      out.push({ ok: true, result: await matcher.match(pair.candidate, pair.required, task.options) });
    } catch (error) {
      out.push({ ok: false, error: toWireError(error) });
    }
  }
  return out;
}

/** Keeps only what ranking needs, so 100,000 candidates fit in a few MB. */
export function summarize(result: MatchResult): RankSummary {
  const topGaps: string[] = [];
  for (let k = 0; k < result.gaps.length && k < TOP_GAPS; k++)
    topGaps.push((result.gaps[k] as { skillName: string }).skillName);
  return { overallScore: result.overallScore, overallInterval: result.overallInterval, topGaps };
}

/** scoreChunk followed by summarize. */
export async function summarizeChunk(matcher: Matcher, task: ChunkTask): Promise<ItemOutcome<RankSummary>[]> {
  const outcomes = await scoreChunk(matcher, task);
  return outcomes.map((o) => (o.ok ? { ok: true, result: summarize(o.result) } : o));
}
