import { CompetencyError } from "../errors.js";
import type { Matcher, RankCandidate, RankEntry, RankOptions } from "../matcher-types.js";
import type { RankLinesResult, RankParsedTask, RankTask, RankTaskResult } from "./chunk-task.js";
import { summarize } from "./score-chunk.js";

/**
 * Ranks one chunk with `matcher.rank`: overall scores for all, full results (or summaries) only for the
 * chunk's best `top`. Ids are positions, so that duplicate ids in the input map back to their own lines.
 * Returns null when the matcher rejects the chunk as invalid, so that the caller can score pair by pair
 * and report exactly the bad candidates.
 */
export async function rankChunk(matcher: Matcher, task: RankTask): Promise<RankTaskResult | null> {
  const candidates = task.candidates.map((skills, k): RankCandidate => ({ id: String(k), skills }));
  return rankedBy(task, (options) => matcher.rank(candidates, task.role, options));
}

/**
 * `rankLineChunk` for a chunk parsed on another thread: it arrives as columns and is ranked with
 * `matcher.rankColumns`, so this thread builds no object per skill (see parse-rank-lines.ts).
 */
export async function rankParsedChunk(matcher: Matcher, task: RankParsedTask): Promise<RankLinesResult> {
  const { ids, errors, columns, positions } = task.parsed;
  const ranked = await rankedBy(task, (options) => matcher.rankColumns(columns, task.role, options));
  return {
    ids,
    errors,
    ranked: ranked === null ? null : ranked.map((e) => ({ index: positions[e.index]!, result: e.result })),
  };
}

/** Calls `rank` with the task's options; entries by position (ids are positions), or null on INVALID_INPUT. */
async function rankedBy(
  task: Omit<RankTask, "candidates">,
  rank: (options: RankOptions) => Promise<RankEntry[]>,
): Promise<RankTaskResult | null> {
  let ranked: RankEntry[];
  try {
    ranked = await rank({
      strategy: task.strategy,
      ...(task.top === undefined ? {} : { topK: task.top }),
      ...(task.above === undefined ? {} : { scoreAbove: task.above }),
    });
  } catch (error) {
    if (error instanceof CompetencyError && error.code === "INVALID_INPUT") return null;
    throw error;
  }
  return ranked.map((entry) => ({
    index: Number(entry.id),
    result: task.full ? entry.result : summarize(entry.result),
  }));
}
