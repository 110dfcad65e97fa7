import { CompetencyError } from "../errors.js";
import type { Matcher, RankCandidate } from "../matcher-types.js";
import type { RankTask, RankTaskResult } from "./chunk-task.js";
import { summarize } from "./score-chunk.js";

/**
 * Ranks one chunk with `matcher.rank`: overall scores for all, full results (or summaries) only for the
 * chunk's best `top`. Ids are positions, so that duplicate ids in the input map back to their own lines.
 * Returns null when the matcher rejects the chunk as invalid, so that the caller can score pair by pair
 * and report exactly the bad candidates.
 */
export async function rankChunk(matcher: Matcher, task: RankTask): Promise<RankTaskResult | null> {
  const candidates = task.candidates.map((skills, k): RankCandidate => ({ id: String(k), skills }));
  let ranked: Awaited<ReturnType<Matcher["rank"]>>;
  try {
    ranked = await matcher.rank(candidates, task.role, {
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
