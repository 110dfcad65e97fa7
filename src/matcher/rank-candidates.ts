import { topIndices } from "../core/engine/top-indices.js";
import type { RequiredSkill, Skill } from "../core/types.js";
import type { Limits, RankEntry } from "../matcher-types.js";
import type { EmbeddingCache } from "../ports.js";
import type { CheckedMatchOptions } from "../validate/validate-match-options.js";
import type { Session } from "./create-session-loader.js";
import { requiredOf, resolveCandidates, sideOf } from "./resolve-names.js";

/**
 * Ranks validated candidates against one role. The role is prepared once and every candidate gets only its
 * overall score from the engine's role scorer, which reads the call's distinct names by position; full
 * results (intervals, explanations, gaps) are built for the top K alone. Both paths compute the overall
 * score the same way, so they agree bit for bit.
 *
 * With `unchecked` (the matcher's limits), the candidate lists have not been validated: each skill is
 * checked as it is resolved, and the result is null when one is not clean (see resolveCandidates).
 */
export async function rankCandidates(
  session: Session,
  cache: EmbeddingCache,
  required: readonly RequiredSkill[],
  ids: readonly string[],
  lists: readonly (readonly Skill[])[],
  opts: CheckedMatchOptions,
  unchecked: Limits | null,
): Promise<RankEntry[] | null> {
  const all = new Array<readonly Skill[]>(lists.length + 1);
  all[0] = required;
  for (let k = 0; k < lists.length; k++) all[k + 1] = lists[k]!;
  const resolved = await resolveCandidates(session, cache, all, unchecked);
  if (resolved === null) return null;
  const role = requiredOf(resolved, 0, required);
  const dim = session.embedder.dim;
  const scores = new Float64Array(lists.length);
  const { index, start, ratios } = resolved;
  const batch = { names: resolved.names, index, start, ratios, lists: all };
  session.engine.roleScorer(role, dim, opts.strategy)(
    batch,
    1,
    all.length,
    opts.topK,
    scores,
    opts.scoreAbove,
  );
  const options = { strategy: opts.strategy, include: opts.include, meta: session.meta };
  const top = topIndices(scores, opts.topK);
  // Skipped candidates hold -Infinity, and a bar from earlier calls wins its ties: neither is returned.
  let kept = top.length;
  while (kept > 0 && !(scores[top[kept - 1]!]! > opts.scoreAbove)) kept--;
  if (kept < top.length) top.length = kept;
  return top.map((k, rank): RankEntry => {
    const candidate = sideOf(resolved, k + 1, lists[k]!);
    const result = session.engine.score({ candidate, required: role, dim }, options);
    return { id: ids[k]!, rank: rank + 1, overallScore: result.overallScore, result };
  });
}
