import { describe, expect, it } from "vitest";
import { falseFriendsAbove } from "./false-friends.js";
import type { CaseResult, ScoredCandidate } from "./types.js";

function result(id: string, candidates: ScoredCandidate[]): CaseResult {
  return {
    id,
    theme: "t",
    note: "n",
    pairwiseAccuracy: 1,
    reciprocalRank: 1,
    ndcg: 1,
    candidates: [...candidates].sort((a, b) => b.score - a.score),
    misordered: [],
  };
}

describe("falseFriendsAbove", () => {
  it("is empty when every false friend scores below each higher-graded candidate", () => {
    const r = result("ok", [
      { label: "real", grade: 3, score: 0.9 },
      { label: "ff", grade: 0, score: 0.2, falseFriend: true },
      { label: "other", grade: 0, score: 0.5 },
    ]);
    expect(falseFriendsAbove([r])).toEqual([]);
  });

  it("lists each higher-graded candidate a false friend reaches, ties included, highest grade first", () => {
    const r = result("bad", [
      { label: "exact", grade: 3, score: 0.9 },
      { label: "real", grade: 2, score: 0.4 },
      { label: "weak", grade: 1, score: 0.3 },
      { label: "ff", grade: 0, score: 0.4, falseFriend: true },
    ]);
    expect(falseFriendsAbove([r])).toEqual([
      { caseId: "bad", falseFriend: "ff", falseFriendScore: 0.4, real: "real", realGrade: 2, realScore: 0.4 },
      { caseId: "bad", falseFriend: "ff", falseFriendScore: 0.4, real: "weak", realGrade: 1, realScore: 0.3 },
    ]);
  });

  it("ignores unmarked candidates that outscore the real skill (those are ordinary misorders)", () => {
    const r = result("plain", [
      { label: "real", grade: 3, score: 0.1 },
      { label: "unrelated", grade: 0, score: 0.5 },
    ]);
    expect(falseFriendsAbove([r])).toEqual([]);
  });

  it("does not compare a false friend with candidates of its own or a lower grade", () => {
    const r = result("same", [
      { label: "peer", grade: 1, score: 0.1 },
      { label: "low", grade: 0, score: 0.05 },
      { label: "ff", grade: 1, score: 0.6, falseFriend: true },
    ]);
    expect(falseFriendsAbove([r])).toEqual([]);
  });
});
