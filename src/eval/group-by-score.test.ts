import { describe, expect, it } from "vitest";
import { groupByScore } from "./group-by-score.js";

describe("groupByScore", () => {
  it("returns no groups for an empty list", () => {
    expect(groupByScore([])).toEqual([]);
  });

  it("returns one group for a single item", () => {
    expect(groupByScore([{ score: 0.5, grade: 1 }])).toEqual([[{ score: 0.5, grade: 1 }]]);
  });

  it("sorts by score descending and groups exact ties", () => {
    const groups = groupByScore([
      { score: 0.2, grade: 0 },
      { score: 0.7, grade: 1 },
      { score: 0.2, grade: 3 },
    ]);
    expect(groups.map((g) => g.map((item) => item.grade))).toEqual([[1], [0, 3]]);
  });
});
