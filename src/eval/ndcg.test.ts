import { describe, expect, it } from "vitest";
import { ndcg } from "./ndcg.js";

describe("ndcg", () => {
  it("returns NaN for an empty list", () => {
    expect(ndcg([])).toBeNaN();
  });

  it("returns 1 for a single relevant item", () => {
    expect(ndcg([{ score: 0.3, grade: 2 }])).toBe(1);
  });

  it("returns NaN when every grade is 0", () => {
    expect(
      ndcg([
        { score: 0.3, grade: 0 },
        { score: 0.2, grade: 0 },
      ]),
    ).toBeNaN();
  });

  it("returns 1 for the ideal order", () => {
    const items = [
      { score: 0.9, grade: 3 },
      { score: 0.5, grade: 2 },
      { score: 0.1, grade: 0 },
    ];
    expect(ndcg(items)).toBe(1);
  });

  it("matches the hand computation for the reversed order", () => {
    const items = [
      { score: 0.1, grade: 3 },
      { score: 0.5, grade: 2 },
      { score: 0.9, grade: 0 },
    ];
    // DCG = 0/log2(2) + 3/log2(3) + 7/log2(4); IDCG = 7/log2(2) + 3/log2(3) + 0
    const expected = (3 / Math.log2(3) + 7 / 2) / (7 + 3 / Math.log2(3));
    expect(ndcg(items)).toBeCloseTo(expected, 14);
  });

  it("gives tied items their group's mean gain", () => {
    // gains 1 and 0 share ranks 1 and 2: DCG = 0.5 · (1 + 1/log2(3)); IDCG = 1
    const expected = 0.5 * (1 + 1 / Math.log2(3));
    expect(
      ndcg([
        { score: 0.5, grade: 0 },
        { score: 0.5, grade: 1 },
      ]),
    ).toBeCloseTo(expected, 15);
  });

  it("is unaffected by the order of items with equal grades", () => {
    const a = [
      { score: 0.9, grade: 2 },
      { score: 0.8, grade: 2 },
      { score: 0.1, grade: 0 },
    ];
    expect(ndcg(a)).toBe(1);
  });
});
