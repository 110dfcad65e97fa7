import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { MatchResult, RequiredSkill, Skill } from "../src/index.js";
import { candidateListArb, requiredListArb, skillArb, strategyArb } from "./helpers/arbitraries.js";
import { fakeMatcher } from "./helpers/test-matchers.js";

// SPEC §2 properties 1, 3, 4, 5, 6 and 10 on generated inputs (real lexicon, deterministic fake embedder).
// Properties 2, 7, 8 and 9 depend on what names mean, so they run on the real model in semantic.test.ts.
const matcher = fakeMatcher();
afterAll(() => matcher.close());
const RUNS = { numRuns: 150 };

function expectBounded(result: MatchResult): void {
  const unit = (x: number) => {
    expect(Number.isNaN(x)).toBe(false);
    expect(x).toBeGreaterThanOrEqual(0);
    expect(x).toBeLessThanOrEqual(1);
  };
  unit(result.overallScore);
  unit(result.overallInterval.lower);
  unit(result.overallInterval.upper);
  expect(result.overallInterval.lower).toBeLessThanOrEqual(result.overallScore);
  expect(result.overallScore).toBeLessThanOrEqual(result.overallInterval.upper);
  for (const s of result.skillScores) {
    unit(s.probability);
    unit(s.mean);
    unit(s.confidenceInterval.lower);
    unit(s.confidenceInterval.upper);
    expect(s.confidenceInterval.lower).toBeLessThanOrEqual(s.mean);
    expect(s.mean).toBeLessThanOrEqual(s.confidenceInterval.upper);
    expect(s.variance).toBeGreaterThanOrEqual(0);
    expect(Number.isNaN(s.variance)).toBe(false);
  }
  for (const g of result.gaps) {
    unit(g.probability);
    expect(g.impact).toBeGreaterThan(0);
  }
}

describe("property 1: bounds", () => {
  it("keeps every number in [0,1] with lower <= mean <= upper and no NaN, for every strategy", async () => {
    await fc.assert(
      fc.asyncProperty(candidateListArb, requiredListArb, strategyArb, async (c, r, strategy) => {
        expectBounded(await matcher.match(c, r, { strategy }));
      }),
      RUNS,
    );
  });
});

describe("property 3: monotone in level", () => {
  it("never lowers any score when a candidate's level rises", async () => {
    await fc.assert(
      fc.asyncProperty(
        candidateListArb,
        requiredListArb,
        fc.nat(),
        fc.constantFrom("default" as const, "aggressive" as const, "conservative" as const),
        async (c, r, pick, strategy) => {
          const k = pick % c.length;
          const skill = c[k] as Skill;
          fc.pre(skill.level.value < skill.level.max);
          const raised = c.map((s, i) =>
            i === k ? { name: s.name, level: { value: s.level.value + 1, max: s.level.max } } : s,
          );
          const before = await matcher.match(c, r, { strategy });
          const after = await matcher.match(raised, r, { strategy });
          expect(after.overallScore).toBeGreaterThanOrEqual(before.overallScore - 1e-12);
          for (const [i, s] of before.skillScores.entries()) {
            expect(after.skillScores[i]?.probability).toBeGreaterThanOrEqual(s.probability - 1e-12);
          }
        },
      ),
      RUNS,
    );
  });
});

describe("property 4: no dilution", () => {
  it("never lowers a score by more than 0.01 when an unrelated candidate skill is added", async () => {
    await fc.assert(
      fc.asyncProperty(candidateListArb, requiredListArb, skillArb, async (c, r, extra) => {
        const probe = await matcher.match([extra], r, { include: ["similarities"] });
        const sims = Object.values(probe.skillSimilarities ?? {}).flatMap((row) => Object.values(row));
        fc.pre(sims.every((s) => s < 0.15));
        const before = await matcher.match(c, r);
        const after = await matcher.match([...c, extra], r);
        expect(after.overallScore).toBeGreaterThanOrEqual(before.overallScore - 0.01);
        for (const [i, s] of before.skillScores.entries()) {
          expect(after.skillScores[i]?.probability).toBeGreaterThanOrEqual(s.probability - 0.01);
        }
      }),
      RUNS,
    );
  });
});

describe("property 5: order invariance", () => {
  it("gives the same bits when either list is permuted", async () => {
    await fc.assert(
      fc.asyncProperty(
        candidateListArb,
        requiredListArb,
        fc.nat(),
        strategyArb,
        async (c, r, seed, strategy) => {
          const shuffle = <T>(xs: readonly T[]) =>
            xs.map((x, i) => ({ x, key: (i * 7919 + seed) % 104729 })).sort((a, b) => a.key - b.key);
          const rc = shuffle(c);
          const rr = shuffle(r.map((x, i) => ({ x, i })));
          const before = await matcher.match(c, r, { strategy });
          const after = await matcher.match(
            rc.map((e) => e.x),
            rr.map((e) => e.x.x),
            { strategy },
          );
          expect(after.overallScore).toBe(before.overallScore);
          expect(after.overallInterval).toEqual(before.overallInterval);
          rr.forEach((e, k) => {
            const a = after.skillScores[k];
            const b = before.skillScores[e.x.i];
            expect(a?.probability).toBe(b?.probability);
            expect(a?.confidenceInterval).toEqual(b?.confidenceInterval);
            expect(a?.variance).toBe(b?.variance);
            expect(a?.bestMatch?.similarity).toBe(b?.bestMatch?.similarity);
          });
        },
      ),
      RUNS,
    );
  });
});

describe("property 6: determinism", () => {
  it("returns the same output for the same input, and a batch equals single calls", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(candidateListArb, requiredListArb), { minLength: 1, maxLength: 4 }),
        async (pairs) => {
          const batch = await matcher.matchBatch(
            pairs.map(([candidate, required]) => ({ candidate, required })),
          );
          for (let k = 0; k < pairs.length; k++) {
            const [c, r] = pairs[k] as [Skill[], RequiredSkill[]];
            const one = await matcher.match(c, r);
            expect(batch[k]).toEqual(one);
            expect(await matcher.match(c, r)).toEqual(one);
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe("property 10: mustHave and weight", () => {
  it("caps the overall score below 0.5 at an unmet must-have and lists it", async () => {
    const candidate = [{ name: "Python", level: { value: 5, max: 5 } }];
    const required: RequiredSkill[] = [
      { name: "Python", level: { value: 3, max: 5 } },
      { name: "Welding", level: { value: 4, max: 5 }, mustHave: true },
    ];
    const result = await matcher.match(candidate, required);
    const welding = result.skillScores[1]?.probability ?? 1;
    expect(welding).toBeLessThan(0.5);
    expect(result.overallScore).toBeLessThan(0.5);
    expect(result.overallScore).toBeLessThanOrEqual(welding + 0.04);
    expect(result.unmetMustHaves).toEqual(["Welding"]);
    expect(result.gaps[0]?.skillName).toBe("Welding");
    const without = await matcher.match(
      candidate,
      required.map((s) => ({ name: s.name, level: s.level })),
    );
    expect(without.overallScore).toBeGreaterThan(result.overallScore);
    expect(without.unmetMustHaves).toEqual([]);
  });

  it("is not met by related evidence alone, however strong", async () => {
    const required: RequiredSkill[] = [{ name: "Kubernetes", level: { value: 3, max: 5 }, mustHave: true }];
    const related = await matcher.match([{ name: "Docker", level: { value: 5, max: 5 } }], required);
    expect(related.skillScores[0]?.evidence).toBe("related");
    expect(related.skillScores[0]?.probability).toBeGreaterThan(0.5);
    expect(related.overallScore).toBeLessThan(0.5);
    expect(related.unmetMustHaves).toEqual(["Kubernetes"]);
    const direct = await matcher.match([{ name: "k8s", level: { value: 4, max: 5 } }], required);
    expect(direct.unmetMustHaves).toEqual([]);
    expect(direct.overallScore).toBeGreaterThanOrEqual(0.95);
  });

  it("keeps every result with an unmet must-have below 0.5, and lists only must-haves", async () => {
    await fc.assert(
      fc.asyncProperty(candidateListArb, requiredListArb, strategyArb, async (c, r, strategy) => {
        const result = await matcher.match(c, r, { strategy });
        const must = new Set(r.filter((s) => s.mustHave === true).map((s) => s.name));
        for (const name of result.unmetMustHaves) expect(must.has(name)).toBe(true);
        if (result.unmetMustHaves.length > 0) {
          expect(result.overallScore).toBeLessThan(0.5);
          expect(result.overallInterval.upper).toBeLessThan(0.5);
        }
      }),
      RUNS,
    );
  });

  it("scales a skill's share of the mean by its weight", async () => {
    const candidate = [{ name: "Python", level: { value: 5, max: 5 } }];
    const base = [
      { name: "Python", level: { value: 3, max: 5 } },
      { name: "Welding", level: { value: 4, max: 5 } },
    ];
    const light = await matcher.match(candidate, base);
    const heavy = await matcher.match(candidate, [{ ...base[0]!, weight: 3 }, base[1]!]);
    const [p, w] = light.skillScores.map((s) => s.probability) as [number, number];
    expect(light.overallScore).toBeCloseTo((p + w) / 2, 12);
    expect(heavy.overallScore).toBeCloseTo((3 * p + w) / 4, 12);
  });
});
