import { meanOfDefined } from "./mean-of-defined.js";
import type { CaseResult, EvalReport, MetricSummary, ThemeSummary } from "./types.js";

/** Cases listed as the worst in a report. */
export const DEFAULT_WORST_COUNT = 15;

/** Case-averaged metrics of a set of case results. */
function summarize(results: readonly CaseResult[]): MetricSummary {
  return {
    cases: results.length,
    pairwiseAccuracy: meanOfDefined(results.map((r) => r.pairwiseAccuracy)),
    meanReciprocalRank: meanOfDefined(results.map((r) => r.reciprocalRank)),
    ndcg: meanOfDefined(results.map((r) => r.ndcg)),
  };
}

/** NaN sorts as a perfect value: an undefined metric is no evidence of a fault. */
function orPerfect(value: number): number {
  return Number.isNaN(value) ? 1 : value;
}

/** Orders results worst first: lower pairwise accuracy, then lower nDCG, then lower reciprocal rank, then id. */
function compareWorst(a: CaseResult, b: CaseResult): number {
  return (
    orPerfect(a.pairwiseAccuracy) - orPerfect(b.pairwiseAccuracy) ||
    orPerfect(a.ndcg) - orPerfect(b.ndcg) ||
    orPerfect(a.reciprocalRank) - orPerfect(b.reciprocalRank) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * Builds the evaluation report: overall and per-theme case-averaged metrics (each case weighs the same) and
 * the `worstCount` cases that misorder at least one pair, worst first.
 *
 * @param worstCount - maximum number of worst cases listed. @default DEFAULT_WORST_COUNT (15)
 */
export function summarizeEval(results: readonly CaseResult[], worstCount = DEFAULT_WORST_COUNT): EvalReport {
  const byTheme = new Map<string, CaseResult[]>();
  for (const result of results) {
    const list = byTheme.get(result.theme);
    if (list === undefined) byTheme.set(result.theme, [result]);
    else list.push(result);
  }
  const themes: ThemeSummary[] = [...byTheme].map(([theme, list]) => ({ theme, ...summarize(list) }));
  const worst = results
    .filter((r) => r.misordered.length > 0)
    .sort(compareWorst)
    .slice(0, Math.max(0, worstCount));
  return { overall: summarize(results), themes, worst, cases: results };
}
