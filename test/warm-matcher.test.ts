import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { candidateListArb, requiredListArb, strategyArb } from "./helpers/arbitraries.js";
import { fakeMatcher } from "./helpers/test-matchers.js";

// One matcher that has scored every earlier case: its memos (pair evidence, shape tables, the quantiles of
// single-shape mixtures) are full of other inputs' values when it scores the next.
const warm = fakeMatcher("optimized");
afterAll(() => warm.close());

describe("a warm matcher", () => {
  it("gives every number bit for bit as a matcher that has seen nothing else", async () => {
    await fc.assert(
      fc.asyncProperty(candidateListArb, requiredListArb, strategyArb, async (c, r, strategy) => {
        const fresh = fakeMatcher("optimized");
        try {
          const expected = await fresh.match(c, r, { strategy });
          // Twice: the second call reads what the first one kept.
          expect(await warm.match(c, r, { strategy })).toEqual(expected);
          expect(await warm.match(c, r, { strategy })).toEqual(expected);
        } finally {
          await fresh.close();
        }
      }),
      { numRuns: 100 },
    );
  });
});
