import { describe, expect, it } from "vitest";
import { evaluateCase } from "./evaluate-case.js";
import type { QualityCase } from "./types.js";

const skill = (name: string) => ({ name, level: { value: 3, max: 5 } });
const CASE: QualityCase = {
  id: "rel-docker",
  theme: "related",
  note: "Docker is related to Kubernetes.",
  required: [skill("Kubernetes")],
  candidates: [
    { label: "kubernetes", skills: [skill("Kubernetes")], grade: 3 },
    { label: "docker", skills: [skill("Docker")], grade: 1 },
    { label: "cooking", skills: [skill("Cooking")], grade: 0 },
  ],
};

describe("evaluateCase", () => {
  it("reports perfect metrics and no misorder for the judged order", () => {
    const r = evaluateCase(CASE, [0.98, 0.5, 0.1]);
    expect([r.pairwiseAccuracy, r.reciprocalRank, r.ndcg]).toEqual([1, 1, 1]);
    expect(r.misordered).toEqual([]);
    expect(r.candidates.map((c) => c.label)).toEqual(["kubernetes", "docker", "cooking"]);
  });

  it("lists wrongly ordered and tied pairs with the better-graded candidate first", () => {
    const r = evaluateCase(CASE, [0.98, 0.1, 0.1]);
    expect(r.misordered).toEqual([{ better: "docker", worse: "cooking", betterScore: 0.1, worseScore: 0.1 }]);
    expect(r.pairwiseAccuracy).toBeCloseTo(2.5 / 3, 15);
  });

  it("sorts candidates by score, highest first", () => {
    const r = evaluateCase(CASE, [0.2, 0.9, 0.1]);
    expect(r.candidates.map((c) => c.label)).toEqual(["docker", "kubernetes", "cooking"]);
    expect(r.reciprocalRank).toBe(0.5);
  });

  it("carries a candidate's falseFriend mark into the scored list, and only when set", () => {
    const marked: QualityCase = {
      ...CASE,
      candidates: [
        CASE.candidates[0],
        { ...CASE.candidates[2], falseFriend: true },
      ] as QualityCase["candidates"],
    };
    const r = evaluateCase(marked, [0.9, 0.2]);
    expect(r.candidates).toEqual([
      { label: "kubernetes", grade: 3, score: 0.9 },
      { label: "cooking", grade: 0, score: 0.2, falseFriend: true },
    ]);
  });
});
