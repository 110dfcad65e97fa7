import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { loadLexicon } from "../src/adapters/lexicon/load-lexicon.js";
import type { RequiredSkill, Skill, Strategy } from "../src/index.js";
import { mulberry32 } from "../src/profiling/mulberry32.js";
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

  it("scores a role again with other weights and must-haves as match does, whatever came before", async () => {
    // The optimised engine keeps one scorer per role's names and levels; weights and must-haves come with
    // each call, so calls that alternate between them must not see each other's.
    const random = mulberry32(99);
    const names = ["Python", "SQL", "Docker", "Kubernetes", "Spanish", "Accounting"];
    const candidates = Array.from({ length: 40 }, (_, k) => ({
      id: `c${k}`,
      skills: names
        .filter(() => random() < 0.5)
        .map((name) => ({ name, level: { value: 1 + Math.floor(random() * 5), max: 5 } })),
    })).filter((c) => c.skills.length > 0);
    const role = (weights: number[], mustHave: boolean[]): RequiredSkill[] =>
      names.map((name, i) => ({
        name,
        level: { value: 3, max: 5 },
        weight: weights[i]!,
        mustHave: mustHave[i]!,
      }));
    const roles = [
      role([1, 1, 1, 1, 1, 1], [false, false, false, false, false, false]),
      role([5, 0.5, 2, 1, 3, 0.1], [true, false, false, false, false, false]),
      role([0.1, 4, 1, 1, 0.2, 2], [false, false, true, false, true, false]),
    ];
    for (const required of [...roles, ...roles.reverse(), roles[1]!]) {
      const ranked = await optimized.rank(candidates, required, { topK: 3 });
      const scores = await Promise.all(
        candidates.map(async (c) => (await optimized.match(c.skills, required)).overallScore),
      );
      const best = [...scores.keys()].sort((a, b) => scores[b]! - scores[a]! || a - b).slice(0, 3);
      expect(ranked.map((e) => e.id)).toEqual(best.map((k) => `c${k}`));
      expect(ranked.map((e) => e.overallScore)).toEqual(best.map((k) => scores[k]));
    }
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

  it("keeps input order among equal scores when most candidates are skipped by their bound", async () => {
    const same: Skill[] = [
      { name: "Cooking", level: { value: 3, max: 5 } },
      { name: "Java", level: { value: 2, max: 5 } },
    ];
    const candidates = Array.from({ length: 60 }, (_, k) => ({ id: `c${k}`, skills: same }));
    candidates.push({ id: "best", skills: [{ name: "Python", level: { value: 5, max: 5 } }, ...same] });
    const role: RequiredSkill[] = [
      { name: "Python", level: { value: 3, max: 5 } },
      { name: "Java", level: { value: 3, max: 5 } },
    ];
    for (const matcher of [optimized, reference]) {
      const ranked = await matcher.rank(candidates, role, { topK: 3 });
      expect(ranked.map((e) => e.id)).toEqual(["best", "c0", "c1"]);
      const single = await matcher.match(same, role);
      expect(ranked[1]?.overallScore).toBe(single.overallScore);
    }
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

  it("agrees with match bit for bit over many candidates, decimal levels and a short top, warm or cold", async () => {
    // Enough distinct names to grow the role's evidence table, enough distinct ratios to leave the shape
    // scan for its map, unknown names next to lexicon ones, and topK small enough for the bounded top list.
    const lexicon = loadLexicon();
    const random = mulberry32(7);
    const name = () => {
      const known = lexicon.names[Math.floor(random() * lexicon.size)] as string;
      return random() < 0.2 ? `Applied ${known}` : known;
    };
    const skills = (n: number): Skill[] =>
      Array.from({ length: n }, () => ({
        name: name(),
        level: { value: Math.round(random() * 70) / 10, max: 7 },
      }));
    const required = skills(12).map((s, k) => ({ ...s, weight: 1 + (k % 3), mustHave: k === 0 }));
    const candidates = Array.from({ length: 400 }, (_, k) => ({ id: `c${k}`, skills: skills(1 + (k % 15)) }));
    const sameNamesOtherLevels: RequiredSkill[] = required.map((s) => ({
      ...s,
      level: { value: s.level.max - s.level.value, max: s.level.max },
    }));
    for (const strategy of ["default", "conservative", "aggressive"] as Strategy[]) {
      for (const role of [required, required, sameNamesOtherLevels]) {
        const ranked = await optimized.rank(candidates, role, { strategy, topK: 7 });
        const all = await Promise.all(
          candidates.map(async (c, k) => ({
            k,
            score: (await optimized.match(c.skills, role, { strategy })).overallScore,
          })),
        );
        all.sort((a, b) => b.score - a.score || a.k - b.k);
        expect(ranked.map((e) => e.id)).toEqual(all.slice(0, 7).map((e) => `c${e.k}`));
        expect(ranked.map((e) => e.overallScore)).toEqual(all.slice(0, 7).map((e) => e.score));
      }
    }
  });

  it("scoreAbove: chunks ranked with the bar of the chunks before them give the same top as one call", async () => {
    const lexicon = loadLexicon();
    const random = mulberry32(11);
    const skills = (n: number): Skill[] =>
      Array.from({ length: n }, () => ({
        name: lexicon.names[Math.floor(random() * lexicon.size)] as string,
        level: { value: Math.round(random() * 50) / 10, max: 5 },
      }));
    const role = skills(8).map((s, k) => ({ ...s, mustHave: k === 0 }));
    // Duplicated profiles make exact ties across chunk borders: the earlier line must keep its place.
    const base = Array.from({ length: 300 }, (_, k) => ({ id: `c${k}`, skills: skills(1 + (k % 9)) }));
    const candidates = [...base, ...base.map((c) => ({ ...c, id: `${c.id}-again` }))];
    for (const topK of [1, 5, 40]) {
      const whole = await optimized.rank(candidates, role, { topK });
      const kept: { id: string; score: number; at: number }[] = [];
      for (let from = 0; from < candidates.length; from += 64) {
        const bar =
          kept.length < topK ? Number.NEGATIVE_INFINITY : (kept[topK - 1] as { score: number }).score;
        const chunk = await optimized.rank(candidates.slice(from, from + 64), role, {
          topK,
          scoreAbove: bar,
        });
        for (const e of chunk) expect(e.overallScore).toBeGreaterThan(bar);
        kept.push(...chunk.map((e) => ({ id: e.id, score: e.overallScore, at: from + e.rank })));
        kept.sort((a, b) => b.score - a.score || a.at - b.at);
        kept.length = Math.min(kept.length, topK);
      }
      expect(kept.map((e) => e.id)).toEqual(whole.map((e) => e.id));
      expect(kept.map((e) => e.score)).toEqual(whole.map((e) => e.overallScore));
    }
  });

  it("scoreAbove keeps only scores strictly above it, and rejects NaN and Infinity", async () => {
    const py = (value: number) => [{ name: "Python", level: { value, max: 5 } }];
    const candidates = [1, 3, 5, 3].map((v, k) => ({ id: `c${k}`, skills: py(v) }));
    const all = await optimized.rank(candidates, py(3));
    const third = (all[2] as { overallScore: number }).overallScore;
    const above = await optimized.rank(candidates, py(3), { scoreAbove: third });
    expect(above.map((e) => e.id)).toEqual(all.filter((e) => e.overallScore > third).map((e) => e.id));
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, "0.5"]) {
      await expect(optimized.rank(candidates, py(3), { scoreAbove: bad as number })).rejects.toMatchObject({
        code: "INVALID_INPUT",
        issues: [expect.objectContaining({ path: ["scoreAbove"] })],
      });
    }
  });
});

describe("rank checks candidates as it reads them", () => {
  const role: RequiredSkill[] = [
    { name: "TypeScript", level: { value: 3, max: 5 } },
    { name: "SQL", level: { value: 2, max: 5 } },
  ];
  const at = (name: string, value = 3): Skill => ({ name, level: { value, max: 5 } });
  const good = Array.from({ length: 50 }, (_, k) => ({
    id: `g${k}`,
    skills: [at("TypeScript", 1 + (k % 5)), at(`Made-up skill ${k}`), at("PostgreSQL", 2)],
  }));

  it("reports a bad skill after many good ones, names already known or not, and changes nothing", async () => {
    const matcher = fakeMatcher("optimized");
    const fresh = fakeMatcher("optimized");
    try {
      const before = await matcher.rank(good, role, { topK: 5 });
      const bad: [unknown, string, string][] = [
        [{ name: "Type\u202eScript", level: { value: 3, max: 5 } }, "control_character", "name"],
        [{ name: "TypeScript", level: { value: 6, max: 5 } }, "out_of_range", "level.value"],
        [
          JSON.parse('{"name":"SQL","level":{"value":3,"max":5},"__proto__":{}}'),
          "forbidden_key",
          "__proto__",
        ],
        [{ name: "", level: { value: 3, max: 5 } }, "blank", "name"],
        [{ name: "x".repeat(10_000), level: { value: 3, max: 5 } }, "too_long", "name"],
        [{ name: 7, level: { value: 3, max: 5 } }, "invalid_type", "name"],
      ];
      for (const [skill, code, field] of bad) {
        const candidates = [...good, { id: "bad", skills: [at("SQL"), skill as Skill] }];
        const error = await matcher.rank(candidates, role).then(
          () => null,
          (e: unknown) => e as { code: string; details: { issues: { code: string; path: unknown[] }[] } },
        );
        expect(error?.code, `${code} ${field}`).toBe("INVALID_INPUT");
        const issue = error!.details.issues[0]!;
        expect(issue.code).toBe(code);
        expect(issue.path.slice(0, 4)).toEqual(["candidates", 50, "skills", 1]);
      }
      // The calls that failed left the matcher as a fresh one would rank.
      expect(await matcher.rank(good, role, { topK: 5 })).toEqual(before);
      expect(await fresh.rank(good, role, { topK: 5 })).toEqual(before);
    } finally {
      await matcher.close();
      await fresh.close();
    }
  });

  it("ranks a name that needs trimming as the trimmed name, as validation does", async () => {
    const matcher = fakeMatcher("optimized");
    try {
      const padded = [{ id: "p", skills: [at("  TypeScript "), at("SQL ")] }];
      const plain = [{ id: "p", skills: [at("TypeScript"), at("SQL")] }];
      const a = await matcher.rank(padded, role);
      const b = await matcher.rank(plain, role);
      expect(a[0]!.overallScore).toBe(b[0]!.overallScore);
      expect(a[0]!.result).toEqual(b[0]!.result);
    } finally {
      await matcher.close();
    }
  });
});
