import { describe, expect, it } from "vitest";
import { reciprocalRank } from "./reciprocal-rank.js";

describe("reciprocalRank", () => {
  it("returns NaN for an empty list", () => {
    expect(reciprocalRank([])).toBeNaN();
  });

  it("returns 1 for a single item", () => {
    expect(reciprocalRank([{ score: 0.2, grade: 0 }])).toBe(1);
  });

  it("returns 1/3 when the top-graded item ranks third", () => {
    const items = [
      { score: 0.1, grade: 3 },
      { score: 0.9, grade: 0 },
      { score: 0.5, grade: 1 },
    ];
    expect(reciprocalRank(items)).toBeCloseTo(1 / 3, 15);
  });

  it("uses the first of several top-graded items", () => {
    const items = [
      { score: 0.1, grade: 3 },
      { score: 0.9, grade: 1 },
      { score: 0.5, grade: 3 },
    ];
    expect(reciprocalRank(items)).toBe(0.5);
  });

  it("averages over orders when the top item ties with a lower one at rank 1", () => {
    expect(
      reciprocalRank([
        { score: 0.5, grade: 3 },
        { score: 0.5, grade: 0 },
      ]),
    ).toBe(0.75);
  });

  it("averages one top item in a three-way tie at rank 1 to (1 + 1/2 + 1/3) / 3", () => {
    const items = [
      { score: 0.5, grade: 0 },
      { score: 0.5, grade: 3 },
      { score: 0.5, grade: 1 },
    ];
    expect(reciprocalRank(items)).toBeCloseTo(11 / 18, 15);
  });

  it("gives two top items in a three-way tie 2/3 · 1 + 1/3 · 1/2 = 5/6", () => {
    const items = [
      { score: 0.5, grade: 3 },
      { score: 0.5, grade: 0 },
      { score: 0.5, grade: 3 },
    ];
    expect(reciprocalRank(items)).toBeCloseTo(5 / 6, 15);
  });

  it("offsets a tied group by the items ranked above it", () => {
    const items = [
      { score: 0.9, grade: 1 },
      { score: 0.5, grade: 3 },
      { score: 0.5, grade: 0 },
    ];
    expect(reciprocalRank(items)).toBeCloseTo((1 / 2 + 1 / 3) / 2, 15);
  });
});
