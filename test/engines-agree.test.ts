import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { MatchResult } from "../src/index.js";
import { candidateListArb, requiredListArb, strategyArb } from "./helpers/arbitraries.js";
import { fakeMatcher } from "./helpers/test-matchers.js";

const reference = fakeMatcher("reference");
const optimized = fakeMatcher("optimized");
afterAll(async () => {
  await reference.close();
  await optimized.close();
});

/** Every number in `a` within `tol` of the same number in `b`; everything else equal. */
function expectAgree(a: unknown, b: unknown, tol: number, path = "result"): void {
  if (typeof a === "number" && typeof b === "number") {
    if (Math.abs(a - b) > tol) throw new Error(`${path}: ${a} vs ${b} differ by ${Math.abs(a - b)}`);
    return;
  }
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) {
    expect(a, path).toEqual(b);
    return;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (key === "meta") continue;
    expectAgree(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      tol,
      `${path}.${key}`,
    );
  }
}

describe("reference and optimized engines", () => {
  it("agree to 1e-9 on generated inputs, for every strategy, with the opt-in maps", async () => {
    await fc.assert(
      fc.asyncProperty(candidateListArb, requiredListArb, strategyArb, async (c, r, strategy) => {
        const opts = { strategy, include: ["similarities", "pairwise"] as const };
        const a: MatchResult = await reference.match(c, r, { ...opts, include: [...opts.include] });
        const b: MatchResult = await optimized.match(c, r, { ...opts, include: [...opts.include] });
        expectAgree(a, b, 1e-9);
        expect(a.meta.engine).toBe("reference");
        expect(b.meta.engine).toBe("optimized");
      }),
      { numRuns: 200 },
    );
  });

  it("agree on large inputs (100 candidate, 50 required skills)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(candidateListArb, { minLength: 13, maxLength: 13 }),
        fc.array(requiredListArb, { minLength: 9, maxLength: 9 }),
        async (cs, rs) => {
          const c = cs.flat().slice(0, 100);
          const r = rs.flat().slice(0, 50);
          expectAgree(await reference.match(c, r), await optimized.match(c, r), 1e-9);
        },
      ),
      { numRuns: 10 },
    );
  });
});
