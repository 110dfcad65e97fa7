import { describe, expect, it } from "vitest";
import { summarizeEval } from "./summarize-eval.js";
import type { CaseResult } from "./types.js";

function result(
  id: string,
  theme: string,
  pairwise: number,
  rr: number,
  nd: number,
  wrong: number,
): CaseResult {
  const misordered = Array.from({ length: wrong }, () => ({
    better: "a",
    worse: "b",
    betterScore: 0.1,
    worseScore: 0.2,
  }));
  return {
    id,
    theme,
    note: "n",
    pairwiseAccuracy: pairwise,
    reciprocalRank: rr,
    ndcg: nd,
    candidates: [],
    misordered,
  };
}

describe("summarizeEval", () => {
  const results = [
    result("a1", "alpha", 1, 1, 1, 0),
    result("a2", "alpha", 0.5, 0.5, 0.75, 1),
    result("b1", "beta", Number.NaN, 1, 0.875, 0),
    result("b2", "beta", 0.5, 1, 0.625, 1),
  ];

  it("averages each metric per case, per theme and overall, leaving NaN out", () => {
    const report = summarizeEval(results);
    expect(report.overall).toEqual({
      cases: 4,
      pairwiseAccuracy: 2 / 3,
      meanReciprocalRank: 0.875,
      ndcg: 0.8125,
    });
    expect(report.themes).toEqual([
      { theme: "alpha", cases: 2, pairwiseAccuracy: 0.75, meanReciprocalRank: 0.75, ndcg: 0.875 },
      { theme: "beta", cases: 2, pairwiseAccuracy: 0.5, meanReciprocalRank: 1, ndcg: 0.75 },
    ]);
  });

  it("lists only cases with a misordered pair, worst first, up to the limit", () => {
    expect(summarizeEval(results).worst.map((r) => r.id)).toEqual(["b2", "a2"]);
    expect(summarizeEval(results, 1).worst.map((r) => r.id)).toEqual(["b2"]);
    expect(summarizeEval(results, 0).worst).toEqual([]);
  });

  it("reports NaN metrics for no cases", () => {
    const report = summarizeEval([]);
    expect(report.overall.cases).toBe(0);
    expect(report.overall.pairwiseAccuracy).toBeNaN();
    expect(report.themes).toEqual([]);
  });
});
