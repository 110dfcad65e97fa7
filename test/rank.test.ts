import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { candidateListArb, requiredListArb, strategyArb } from "./helpers/arbitraries.js";
import { fakeMatcher } from "./helpers/test-matchers.js";

const optimized = fakeMatcher("optimized");
const reference = fakeMatcher("reference");
afterAll(async () => {
  await optimized.close();
  await reference.close();
});

describe("rank", () => {
  it("orders candidates by the same overall score match gives, bit for bit, ties in input order", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(candidateListArb, { minLength: 1, maxLength: 8 }),
        requiredListArb,
        strategyArb,
        async (lists, required, strategy) => {
          const candidates = lists.map((skills, k) => ({ id: `c${k}`, skills }));
          for (const matcher of [optimized, reference]) {
            const ranked = await matcher.rank(candidates, required, { strategy });
            expect(ranked.map((e) => e.rank)).toEqual(candidates.map((_, k) => k + 1));
            for (const entry of ranked) {
              const single = await matcher.match(candidates[Number(entry.id.slice(1))]!.skills, required, {
                strategy,
              });
              expect(entry.overallScore).toBe(single.overallScore);
              expect(entry.result).toEqual(single);
            }
            for (let k = 1; k < ranked.length; k++) {
              const [a, b] = [ranked[k - 1]!, ranked[k]!];
              expect(
                a.overallScore > b.overallScore ||
                  (a.overallScore === b.overallScore && Number(a.id.slice(1)) < Number(b.id.slice(1))),
              ).toBe(true);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("keeps only the best topK", async () => {
    const candidates = ["Python", "Cooking", "Java", "SQL"].map((name, k) => ({
      id: `c${k}`,
      skills: [{ name, level: { value: 4, max: 5 } }],
    }));
    const ranked = await optimized.rank(candidates, [{ name: "Python", level: { value: 3, max: 5 } }], {
      topK: 2,
    });
    expect(ranked).toHaveLength(2);
    expect(ranked[0]?.id).toBe("c0");
  });

  it("rejects a missing id and a bad topK, naming each", async () => {
    await expect(
      optimized.rank(
        [{ skills: [{ name: "Python", level: { value: 1, max: 5 } }] } as never],
        [{ name: "Python", level: { value: 1, max: 5 } }],
        { topK: 0 },
      ),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});
