import type { MatchResult } from "../core/types.js";
import { CompetencyError } from "../errors.js";
import type { MatchOptions, MatchPair } from "../matcher-types.js";
import type { ChunkScorer, ItemOutcome } from "../shards/chunk-task.js";
import { STREAM_CHUNK_LINES } from "./service-defaults.js";

/**
 * Scores pairs in chunks spread over the worker pool, results in input order. Any failure fails the whole
 * call (an HTTP request is never half-processed).
 */
export async function scoreOnPool(
  scorer: ChunkScorer,
  pairs: readonly MatchPair[],
  options: MatchOptions,
): Promise<MatchResult[]> {
  const tasks: Promise<ItemOutcome<MatchResult>[]>[] = [];
  for (let start = 0; start < pairs.length; start += STREAM_CHUNK_LINES) {
    tasks.push(scorer.full({ pairs: pairs.slice(start, start + STREAM_CHUNK_LINES), options }));
  }
  const results: MatchResult[] = [];
  for (const outcomes of await Promise.all(tasks)) {
    for (const outcome of outcomes) {
      if (!outcome.ok) {
        throw new CompetencyError(outcome.error.code, outcome.error.message, {
          details: { issues: outcome.error.issues ?? [] },
        });
      }
      results.push(outcome.result);
    }
  }
  return results;
}
