import { describe, expect, it } from "vitest";
import { meanReciprocalRank } from "./mean-reciprocal-rank.js";

describe("meanReciprocalRank", () => {
  it("returns NaN for no lists", () => {
    expect(meanReciprocalRank([])).toBeNaN();
  });

  it("skips empty lists", () => {
    expect(meanReciprocalRank([[], [{ score: 1, grade: 3 }]])).toBe(1);
  });

  it("averages the reciprocal rank of each list", () => {
    const lists = [
      [{ score: 1, grade: 3 }],
      [
        { score: 1, grade: 0 },
        { score: 0.5, grade: 2 },
      ],
    ];
    expect(meanReciprocalRank(lists)).toBe(0.75);
  });
});
