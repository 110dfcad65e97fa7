import { describe, expect, it } from "vitest";
import type { Matcher } from "../matcher-types.js";
import { formatSetReport, formatSetReports } from "./format-report.js";
import { hideCases } from "./hide-cases.js";
import { runEvalSet } from "./run-eval-set.js";
import type { QualityCase } from "./types.js";

const skill = (name: string) => ({ name, level: { value: 3, max: 5 } });

/** A stub matcher that scores a candidate by a fixed table of its first skill's name. */
function stubMatcher(scores: Record<string, number>): Matcher {
  return {
    matchBatch: async (pairs: readonly { candidate: readonly { name: string }[] }[]) =>
      pairs.map((p) => ({ overallScore: scores[p.candidate[0]?.name ?? ""] ?? 0 })),
  } as unknown as Matcher;
}

const CASES: QualityCase[] = [
  {
    id: "sm-labor-law",
    theme: "shared-modifier",
    note: "Employment law is labor law; L&D nursing shares only 'labor'.",
    required: [skill("Labor Law")],
    candidates: [
      { label: "real", skills: [skill("Employment Law")], grade: 3 },
      { label: "false-friend", skills: [skill("Labor and Delivery Nursing")], grade: 0, falseFriend: true },
      { label: "unrelated", skills: [skill("Welding")], grade: 0 },
    ],
  },
  {
    id: "ab-cnc",
    theme: "abbreviations",
    note: "CNC = Computer Numerical Control.",
    required: [skill("CNC")],
    candidates: [
      { label: "alias", skills: [skill("Computer Numerical Control")], grade: 3 },
      { label: "unrelated", skills: [skill("Welding")], grade: 0 },
    ],
  },
];

describe("runEvalSet", () => {
  it("scores the non-disputed cases, lists the disputed ones and the false friends above the real skill", async () => {
    const matcher = stubMatcher({
      "Employment Law": 0.3,
      "Labor and Delivery Nursing": 0.5,
      Welding: 0.1,
      "Computer Numerical Control": 0.9,
    });
    const set = await runEvalSet(matcher, {
      name: "held-out",
      dir: "test/fixtures/quality-heldout",
      cases: CASES,
      disputed: [{ id: "ab-cnc", reason: "example reason for the test" }],
    });
    expect(set.report.overall.cases).toBe(1);
    expect(set.report.cases.map((c) => c.id)).toEqual(["sm-labor-law"]);
    expect(set.report.overall.pairwiseAccuracy).toBe(0.5);
    expect(set.disputed).toEqual([{ id: "ab-cnc", reason: "example reason for the test" }]);
    expect(set.falseFriendsAbove).toEqual([
      {
        caseId: "sm-labor-law",
        falseFriend: "false-friend",
        falseFriendScore: 0.5,
        real: "real",
        realGrade: 3,
        realScore: 0.3,
      },
    ]);

    const text = formatSetReport(set);
    expect(text).toContain("== held-out set (test/fixtures/quality-heldout): 1 cases scored, 1 disputed");
    expect(text).toContain("held-out: false friends scored at or above the real skill: 1");
    expect(text).toContain("sm-labor-law: false-friend (0.500) >= real[g3] (0.300)");
    expect(text).toContain("ab-cnc: example reason for the test");
  });

  it("reports no false friends and no disputed cases as 'none', and formats sets one after the other", async () => {
    const matcher = stubMatcher({ "Employment Law": 0.8, "Computer Numerical Control": 0.9 });
    const tuned = await runEvalSet(matcher, { name: "tuned", dir: "a", cases: CASES, disputed: [] });
    const heldout = await runEvalSet(matcher, { name: "held-out", dir: "b", cases: CASES, disputed: [] });
    expect(tuned.report.overall).toEqual({ cases: 2, pairwiseAccuracy: 1, meanReciprocalRank: 1, ndcg: 1 });
    expect(tuned.falseFriendsAbove).toEqual([]);
    const text = formatSetReports([tuned, heldout]);
    expect(text).toContain("tuned: false friends scored at or above the real skill: none");
    expect(text).toContain("held-out: disputed cases (excluded from the score): none");
    expect(text.indexOf("== tuned set")).toBeLessThan(text.indexOf("== held-out set"));
  });

  it("rejects a disputed id that is not in the set", async () => {
    await expect(
      runEvalSet(stubMatcher({}), {
        name: "x",
        dir: "x",
        cases: CASES,
        disputed: [{ id: "nope", reason: "0123456789" }],
      }),
    ).rejects.toThrow(/nope/);
  });

  it("hides a held-out set's case names: aggregates and counts stay, no case id or label is printed", async () => {
    const matcher = stubMatcher({ "Employment Law": 0.3, "Labor and Delivery Nursing": 0.5, Welding: 0.1 });
    const set = await runEvalSet(matcher, { name: "held-out", dir: "h", cases: CASES, disputed: [] });
    const hidden = hideCases(set);
    expect(hidden.report.overall).toEqual(set.report.overall);
    expect(hidden.report.themes).toEqual(set.report.themes);
    expect(hidden.falseFriendsAbove).toHaveLength(1);
    const text = formatSetReport(hidden);
    const json = JSON.stringify(hidden);
    for (const name of ["sm-labor-law", "ab-cnc", "Employment Law", "false-friend", "unrelated"]) {
      expect(text).not.toContain(name);
      expect(json).not.toContain(name);
    }
    expect(text).toContain("held-out: false friends scored at or above the real skill: 1");
    expect(text).toContain("--reveal-held-out");
  });
});
