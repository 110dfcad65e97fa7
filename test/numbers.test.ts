import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { RequiredSkill, Skill } from "../src/index.js";
import { NAME_POOL, strategyArb } from "./helpers/arbitraries.js";
import { fakeMatcher } from "./helpers/test-matchers.js";

// No NaN, Infinity or null in any numeric result field, over 10,000 generated inputs at the edges of what
// validation accepts: weights across [1e-6, 1e6], level scales up to 1e300, subnormal levels, decimals.
const matcher = fakeMatcher();
afterAll(() => matcher.close());

const extremeNumber = fc.oneof(
  fc.constantFrom(0, 5e-324, 1e-300, 1e-6, 0.5, 1, 1e6, 1e300, Number.MAX_VALUE),
  fc.double({ min: 0, max: 1e12, noNaN: true, noDefaultInfinity: true }),
);
const levelArb = fc
  .tuple(
    fc.oneof(
      fc.constantFrom(1, 5, 10, 1e300, Number.MAX_VALUE),
      fc.double({ min: 1, max: 1e9, noNaN: true }),
    ),
    extremeNumber,
  )
  .map(([max, value]) => ({ max, value: Math.min(value, max) }));
const weightArb = fc.oneof(
  fc.constantFrom(1e-6, 1e6, 1),
  fc.double({ min: -6, max: 6, noNaN: true }).map((e) => Math.min(1e6, Math.max(1e-6, 10 ** e))),
);
const skillArb: fc.Arbitrary<Skill> = fc.record({ name: fc.constantFrom(...NAME_POOL), level: levelArb });
const requiredArb: fc.Arbitrary<RequiredSkill> = fc.record(
  { name: fc.constantFrom(...NAME_POOL), level: levelArb, weight: weightArb, mustHave: fc.boolean() },
  { requiredKeys: ["name", "level"] },
);

/** Every number reachable in `value`, with its path; fails on null, NaN and ±Infinity. */
function badNumbers(value: unknown, path = "$", out: string[] = []): string[] {
  if (value === null) out.push(`${path} = null`);
  else if (typeof value === "number" && !Number.isFinite(value)) out.push(`${path} = ${value}`);
  else if (Array.isArray(value)) {
    for (let k = 0; k < value.length; k++) badNumbers(value[k], `${path}[${k}]`, out);
  } else if (typeof value === "object")
    for (const [k, v] of Object.entries(value)) badNumbers(v, `${path}.${k}`, out);
  return out;
}

describe("numeric results", () => {
  it("contain no NaN, Infinity or null over 10,000 random inputs (bestMatch may be null by design)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(skillArb, { minLength: 1, maxLength: 4 }),
        fc.array(requiredArb, { minLength: 1, maxLength: 4 }),
        strategyArb,
        async (candidate, required, strategy) => {
          const result = await matcher.match(candidate, required, {
            strategy,
            include: ["similarities", "pairwise"],
          });
          // JSON is what the wire carries: NaN and Infinity would become null there.
          const wire = JSON.parse(JSON.stringify(result)) as { skillScores: { bestMatch: unknown }[] };
          for (const s of wire.skillScores) if (s.bestMatch === null) s.bestMatch = {};
          expect(badNumbers(wire)).toEqual([]);
          expect(badNumbers(result)).toEqual([]);
          expect(result.overallScore).toBeGreaterThanOrEqual(0);
          expect(result.overallScore).toBeLessThanOrEqual(1);
          expect(result.overallInterval.lower).toBeLessThanOrEqual(result.overallInterval.upper);
        },
      ),
      { numRuns: 10_000, seed: 13 },
    );
  });

  it("treats weights as relative shares: scaling every weight by c changes nothing (1e-9)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(skillArb, { minLength: 1, maxLength: 4 }),
        fc.array(
          fc.record({
            name: fc.constantFrom(...NAME_POOL),
            level: levelArb,
            weight: fc.double({ min: 1, max: 10, noNaN: true }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        fc.constantFrom(1e-6, 1e-3, 1e3, 1e5),
        async (candidate, required, c) => {
          const scaled = required.map((r) => ({ ...r, weight: r.weight * c }));
          const a = await matcher.match(candidate, required);
          const b = await matcher.match(candidate, scaled);
          expect(Math.abs(a.overallScore - b.overallScore)).toBeLessThanOrEqual(1e-9);
          expect(Math.abs(a.overallInterval.upper - b.overallInterval.upper)).toBeLessThanOrEqual(1e-9);
        },
      ),
      { numRuns: 500, seed: 13 },
    );
  });
});
