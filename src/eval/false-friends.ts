import type { CaseResult, FalseFriendHit } from "./types.js";

/**
 * Lists every candidate marked `falseFriend` that scored at or above (a tie counts) a candidate of the same
 * case with a higher grade, one entry per such pair, in case order and then by the real candidate's grade
 * (highest first). Cases without marked candidates contribute nothing.
 */
export function falseFriendsAbove(results: readonly CaseResult[]): FalseFriendHit[] {
  const hits: FalseFriendHit[] = [];
  for (const r of results) {
    for (const ff of r.candidates) {
      if (ff.falseFriend !== true) continue;
      const reached = r.candidates
        .filter((c) => c.grade > ff.grade && c.score <= ff.score)
        .sort((a, b) => b.grade - a.grade || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
      for (const real of reached) {
        hits.push({
          caseId: r.id,
          falseFriend: ff.label,
          falseFriendScore: ff.score,
          real: real.label,
          realGrade: real.grade,
          realScore: real.score,
        });
      }
    }
  }
  return hits;
}
