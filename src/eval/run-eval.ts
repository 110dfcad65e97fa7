import type { Matcher } from "../matcher-types.js";
import { evaluateCase } from "./evaluate-case.js";
import { DEFAULT_WORST_COUNT, summarizeEval } from "./summarize-eval.js";
import type { EvalReport, QualityCase } from "./types.js";

export type RunEvalOptions = {
  /** Number of worst cases listed in the report. @default DEFAULT_WORST_COUNT (15) */
  readonly worstCount?: number;
};

/**
 * Scores every candidate of every case with `matcher` (one batch, default strategy) and reports pairwise
 * accuracy, MRR and nDCG per theme and overall, plus the worst cases.
 *
 * Precondition: `cases` passed `parseCases` (at most 10,000 candidates in all, the default batch limit).
 */
export async function runEval(
  matcher: Matcher,
  cases: readonly QualityCase[],
  options: RunEvalOptions = {},
): Promise<EvalReport> {
  const pairs = cases.flatMap((c) =>
    c.candidates.map((candidate) => ({ candidate: candidate.skills, required: c.required })),
  );
  const results = await matcher.matchBatch(pairs);
  let next = 0;
  const evaluated = cases.map((c) => {
    const scores = c.candidates.map(() => results[next++]?.overallScore ?? Number.NaN);
    return evaluateCase(c, scores);
  });
  return summarizeEval(evaluated, options.worstCount ?? DEFAULT_WORST_COUNT);
}
