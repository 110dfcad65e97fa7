import type { IncludeOption, Strategy } from "../core/types.js";
import type { Matcher, MatchOptions } from "../matcher-types.js";
import type { ChunkScorer } from "../shards/chunk-task.js";

/** What route modules receive. */
export type RouteDeps = {
  readonly matcher: Matcher;
  /** Worker pool for batch and rank; absent means score on the event-loop thread. */
  readonly scorer: ChunkScorer | undefined;
};

/** Builds MatchOptions without undefined-valued keys (exactOptionalPropertyTypes). */
export function matchOptionsOf(body: {
  strategy?: Strategy | undefined;
  include?: IncludeOption[] | undefined;
}): MatchOptions {
  if (body.strategy !== undefined && body.include !== undefined)
    return { strategy: body.strategy, include: body.include };
  if (body.strategy !== undefined) return { strategy: body.strategy };
  if (body.include !== undefined) return { include: body.include };
  return {};
}
