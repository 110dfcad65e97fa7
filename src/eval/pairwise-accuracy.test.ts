import { describe, expect, it } from "vitest";
import { pairwiseAccuracy } from "./pairwise-accuracy.js";

describe("pairwiseAccuracy", () => {
  it("returns NaN for an empty list", () => {
    expect(pairwiseAccuracy([])).toBeNaN();
  });

  it("returns NaN for a single item", () => {
    expect(pairwiseAccuracy([{ score: 0.4, grade: 2 }])).toBeNaN();
  });

  it("returns NaN when every grade is equal", () => {
    expect(
      pairwiseAccuracy([
        { score: 0.9, grade: 1 },
        { score: 0.1, grade: 1 },
      ]),
    ).toBeNaN();
  });

  it("returns 1 for a perfect order and 0 for the reverse", () => {
    const grades = [3, 1, 0];
    expect(pairwiseAccuracy(grades.map((grade, i) => ({ score: 1 - i / 4, grade })))).toBe(1);
    expect(pairwiseAccuracy(grades.map((grade, i) => ({ score: i / 4, grade })))).toBe(0);
  });

  it("counts one wrong pair out of three as 2/3", () => {
    const items = [
      { score: 0.9, grade: 3 },
      { score: 0.2, grade: 2 },
      { score: 0.5, grade: 0 },
    ];
    expect(pairwiseAccuracy(items)).toBe(2 / 3);
  });

  it("counts a score tie between different grades as 0.5", () => {
    expect(
      pairwiseAccuracy([
        { score: 0.5, grade: 1 },
        { score: 0.5, grade: 0 },
      ]),
    ).toBe(0.5);
  });

  it("skips pairs with equal grades", () => {
    const items = [
      { score: 0.1, grade: 3 },
      { score: 0.9, grade: 3 },
      { score: 0.05, grade: 0 },
    ];
    expect(pairwiseAccuracy(items)).toBe(1);
  });
});
