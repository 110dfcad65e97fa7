import type { IncludeOption, Strategy } from "../core/types.js";
import type { Matcher, MatchOptions } from "../matcher-types.js";
import type { ChunkScorer } from "../shards/chunk-task.js";
import type { ContractFlags } from "./openapi-responses.js";

/** What route modules receive. */
export type RouteDeps = {
  readonly matcher: Matcher;
  /** Worker pool; absent means score on the event-loop thread. */
  readonly scorer: ChunkScorer | undefined;
  /** Scoring budget per request, in candidate × required pairs. */
  readonly maxCost: number;
  /** Requests costing at least this go to the pool when there is one. */
  readonly poolMinCost: number;
  /** Which error statuses exist (documented per route). */
  readonly contract: ContractFlags;
};

/** Builds MatchOptions without undefined-valued keys (exactOptionalPropertyTypes). */
export function matchOptionsOf(body: {
  readonly strategy?: Strategy | undefined;
  readonly include?: readonly IncludeOption[] | undefined;
}): MatchOptions {
  if (body.strategy !== undefined && body.include !== undefined)
    return { strategy: body.strategy, include: body.include };
  if (body.strategy !== undefined) return { strategy: body.strategy };
  if (body.include !== undefined) return { include: body.include };
  return {};
}
