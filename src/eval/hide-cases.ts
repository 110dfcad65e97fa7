import type { EvalSetReport, FalseFriendHit } from "./types.js";

const HIDDEN = "(hidden)";

/**
 * A set's report without its case-level detail: the metric tables and the counts stay, the case list, the
 * worst cases and the names in each false-friend hit go.
 *
 * Why: a held-out set stays held out only while nobody tunes on its failures. Printing which case failed
 * (in a terminal, or in every CI log) turns it into a second tuned set after one look.
 */
export function hideCases(set: EvalSetReport): EvalSetReport {
  const hit = (h: FalseFriendHit): FalseFriendHit => ({
    ...h,
    caseId: HIDDEN,
    falseFriend: HIDDEN,
    real: HIDDEN,
  });
  return {
    ...set,
    hidden: true,
    report: { ...set.report, worst: [], cases: [] },
    falseFriendsAbove: set.falseFriendsAbove.map(hit),
  };
}
