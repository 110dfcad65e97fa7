import { topIndices } from "../core/engine/top-indices.js";
import type { RequiredSkill, Skill } from "../core/types.js";
import type { CandidateColumns, Limits, RankEntry } from "../matcher-types.js";
import type { EmbeddingCache } from "../ports.js";
import { skillsOfColumn } from "../validate/validate-candidate-columns.js";
import type { CheckedMatchOptions } from "../validate/validate-match-options.js";
import type { Session } from "./create-session-loader.js";
import {
  embedMissing,
  lookUpColumns,
  type ResolvedLists,
  requiredOf,
  resolveCandidates,
  sideOf,
} from "./resolve-names.js";

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
  return rankResolved(session, required, resolved, ids, (k) => all[k]!, opts);
}

/**
 * `rankCandidates` for candidates given as columns, whose shape, levels and ids the caller has checked
 * (see candidateColumnsAreClean); names are checked as in `rankCandidates` with `unchecked`. Skill objects
 * are built only for the candidates that get full results.
 */
export async function rankColumnCandidates(
  session: Session,
  cache: EmbeddingCache,
  required: readonly RequiredSkill[],
  columns: CandidateColumns,
  opts: CheckedMatchOptions,
  unchecked: Limits | null,
): Promise<RankEntry[] | null> {
  const found = lookUpColumns(session, cache, required, columns, unchecked);
  if (found === null) return null;
  if (found.missing !== null) await embedMissing(session, cache, found.missing);
  const list = (k: number): readonly Skill[] => (k === 0 ? required : skillsOfColumn(columns, k - 1));
  return rankResolved(session, required, found.resolved, columns.ids, list, opts);
}

/** Scores resolved lists (list 0 the role, list k + 1 candidate k) and builds the top K's full results. */
function rankResolved(
  session: Session,
  required: readonly RequiredSkill[],
  resolved: ResolvedLists,
  ids: readonly string[],
  list: (k: number) => readonly Skill[],
  opts: CheckedMatchOptions,
): RankEntry[] {
  const role = requiredOf(resolved, 0, required);
  const dim = session.embedder.dim;
  const candidates = resolved.start.length - 2;
  const scores = new Float64Array(candidates);
  const { index, start, ratios } = resolved;
  const batch = { names: resolved.names, index, start, ratios, list };
  session.engine.roleScorer(role, dim, opts.strategy)(
    batch,
    1,
    candidates + 1,
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
    const candidate = sideOf(resolved, k + 1, list(k + 1));
    const result = session.engine.score({ candidate, required: role, dim }, options);
    return { id: ids[k]!, rank: rank + 1, overallScore: result.overallScore, result };
  });
}
