import { ndcg } from "./ndcg.js";
import { pairwiseAccuracy } from "./pairwise-accuracy.js";
import { reciprocalRank } from "./reciprocal-rank.js";
import type { CaseResult, Misorder, QualityCase, ScoredCandidate } from "./types.js";

/**
 * Scores one judged case: the three metrics, the candidates best score first, and every pair with
 * different grades that the scores order wrongly or tie.
 *
 * Precondition: `scores[i]` is the overallScore of `qualityCase.candidates[i]` (same length, not NaN).
 */
export function evaluateCase(qualityCase: QualityCase, scores: readonly number[]): CaseResult {
  const scored: ScoredCandidate[] = qualityCase.candidates.map((candidate, i) => ({
    label: candidate.label,
    grade: candidate.grade,
    score: scores[i] ?? Number.NaN,
    ...(candidate.falseFriend === true ? { falseFriend: true as const } : {}),
  }));
  const misordered: Misorder[] = [];
  scored.forEach((a, i) => {
    for (const b of scored.slice(i + 1)) {
      if (a.grade === b.grade) continue;
      const [better, worse] = a.grade > b.grade ? [a, b] : [b, a];
      if (better.score > worse.score) continue;
      misordered.push({
        better: better.label,
        worse: worse.label,
        betterScore: better.score,
        worseScore: worse.score,
      });
    }
  });
  return {
    id: qualityCase.id,
    theme: qualityCase.theme,
    note: qualityCase.note,
    pairwiseAccuracy: pairwiseAccuracy(scored),
    reciprocalRank: reciprocalRank(scored),
    ndcg: ndcg(scored),
    candidates: [...scored].sort((a, b) => b.score - a.score),
    misordered,
  };
}
