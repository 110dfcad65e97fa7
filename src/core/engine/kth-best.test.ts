import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createKthBest } from "./kth-best.js";

describe("createKthBest", () => {
  it("is -Infinity until k scores, then the k-th highest so far", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true })),
        fc.integer({ min: 1, max: 12 }),
        (xs, k) => {
          const bar = createKthBest(k);
          const seen: number[] = [];
          for (const x of xs) {
            bar.push(x);
            seen.push(x);
            const sorted = [...seen].sort((a, b) => b - a);
            expect(bar.value).toBe(sorted.length < k ? Number.NEGATIVE_INFINITY : sorted[k - 1]);
          }
        },
      ),
    );
  });
});
