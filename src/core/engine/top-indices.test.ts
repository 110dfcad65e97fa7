import { describe, expect, it } from "vitest";
import { topIndices } from "./top-indices.js";

function byScore(scores: Float64Array, k: number): number[] {
  return Array.from(scores.keys())
    .sort((a, b) => scores[b]! - scores[a]! || a - b)
    .slice(0, k);
}

describe("topIndices", () => {
  it("returns the k best, best first, equal scores in index order", () => {
    const scores = Float64Array.of(
      0.2,
      0.9,
      0.9,
      0.5,
      0.9,
      0.1,
      0.5,
      0.7,
      0.3,
      0.9,
      0.0,
      0.6,
      0.9,
      0.2,
      0.4,
      0.8,
    );
    for (let k = 1; k <= scores.length + 2; k++) expect(topIndices(scores, k)).toEqual(byScore(scores, k));
  });

  it("handles no scores, and k larger than the input", () => {
    expect(topIndices(new Float64Array(0), 3)).toEqual([]);
    expect(topIndices(Float64Array.of(0.5, 0.7), Number.POSITIVE_INFINITY)).toEqual([1, 0]);
  });

  it("matches a full sort on many random scores with ties, for small and large k", () => {
    let seed = 1;
    const scores = Float64Array.from({ length: 1_000 }, () => {
      seed = (seed * 16807) % 2147483647;
      return Math.floor((seed / 2147483647) * 50) / 50;
    });
    for (const k of [1, 5, 17, 100, 125, 999, 1_000])
      expect(topIndices(scores, k)).toEqual(byScore(scores, k));
  });
});
