import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { CandidateColumns, RankCandidate, Skill } from "../src/index.js";
import { candidateListArb, requiredListArb, strategyArb } from "./helpers/arbitraries.js";
import { fakeMatcher } from "./helpers/test-matchers.js";

const optimized = fakeMatcher("optimized");
const reference = fakeMatcher("reference");
afterAll(async () => {
  await optimized.close();
  await reference.close();
});

/** Candidates as columns, with a dictionary of their distinct names (as the CLI's reader thread builds). */
function toColumns(candidates: readonly RankCandidate[]): CandidateColumns {
  const names: string[] = [];
  const dictionary = new Map<string, number>();
  const all = candidates.flatMap((c) => c.skills);
  const start = new Int32Array(candidates.length + 1);
  candidates.forEach((c, k) => {
    start[k + 1] = start[k]! + c.skills.length;
  });
  const name = Int32Array.from(all, (s) => {
    let d = dictionary.get(s.name);
    if (d === undefined) {
      d = names.push(s.name) - 1;
      dictionary.set(s.name, d);
    }
    return d;
  });
  return {
    ids: candidates.map((c) => c.id),
    start,
    names,
    name,
    value: Float64Array.from(all, (s) => s.level.value),
    max: Float64Array.from(all, (s) => s.level.max),
  };
}

const level = (value: number, max = 5) => ({ value, max });
const role = [
  { name: "TypeScript", level: level(4) },
  { name: "PostgreSQL", level: level(3) },
];

describe("rankColumns", () => {
  it("gives what rank gives, bit for bit, under every strategy, top K and bar, on both engines", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(candidateListArb, { minLength: 1, maxLength: 8 }),
        requiredListArb,
        strategyArb,
        fc.integer({ min: 1, max: 9 }),
        fc.constantFrom(Number.NEGATIVE_INFINITY, 0.2, 0.5),
        async (lists, required, strategy, topK, scoreAbove) => {
          const candidates = lists.map((skills, k) => ({ id: `c${k}`, skills }));
          const options = { strategy, topK, scoreAbove };
          for (const matcher of [optimized, reference]) {
            const byRows = await matcher.rank(candidates, required, options);
            const byColumns = await matcher.rankColumns(toColumns(candidates), required, options);
            expect(byColumns).toEqual(byRows);
            for (let k = 0; k < byRows.length; k++)
              expect(Object.is(byColumns[k]!.overallScore, byRows[k]!.overallScore)).toBe(true);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("ranks padded names as rank does (trimmed), through the full validation", async () => {
    const padded = [{ id: "a", skills: [{ name: "  TypeScript ", level: level(4) }] }];
    const trimmed = [{ id: "a", skills: [{ name: "TypeScript", level: level(4) }] }];
    expect(await optimized.rankColumns(toColumns(padded), role)).toEqual(await optimized.rank(trimmed, role));
  });

  it("reports every problem of the form under columns.<field>, and scores nothing", async () => {
    const good = toColumns([{ id: "a", skills: [{ name: "Go", level: level(2) }] }]);
    const cases: [unknown, RegExp[]][] = [
      [null, [/^columns must be an object/]],
      [
        { ...good, ids: "a", start: [0, 1], value: new Float32Array(1) },
        [
          /^ids must be/,
          /^start must be an Int32Array, got an array/,
          /^value must be a Float64Array, got a Float32Array/,
        ],
      ],
      [
        { ...good, max: new Float64Array(2), start: Int32Array.of(0) },
        [/^start must hold 2 values/, /^max must hold 1 values/],
      ],
      [{ ...good, start: Int32Array.of(1, 1) }, [/^start must begin at 0/]],
      [{ ...good, start: Int32Array.of(0, 0) }, [/end at the skill count 1, got 0 at 1/]],
      [{ ...good, name: Int32Array.of(3) }, [/^name must be a position in names \(0 to 0\), got 3/]],
    ];
    for (const [columns, messages] of cases) {
      const error = await optimized.rankColumns(columns as CandidateColumns, role).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "INVALID_INPUT" });
      const got = (error as { issues: { message: string; path: unknown[] }[] }).issues;
      expect(got.map((i) => i.message)).toHaveLength(messages.length);
      for (const [k, m] of messages.entries()) expect(got[k]!.message).toMatch(m);
      for (const issue of got) expect(issue.path[0]).toBe("columns");
    }
  });

  it("reports bad candidates with the paths and messages of rank, every one of them", async () => {
    const bad: RankCandidate[] = [
      { id: "", skills: [{ name: "Go", level: level(2) }] },
      {
        id: "b",
        skills: [
          { name: "Go", level: level(9) },
          { name: "Dock\u202Eer", level: level(1) },
        ],
      },
      { id: "c", skills: [] as Skill[] },
    ];
    const byColumns = await optimized.rankColumns(toColumns(bad), role).catch((e: unknown) => e);
    const byRows = await optimized.rank(bad, role).catch((e: unknown) => e);
    expect(byColumns).toMatchObject({ code: "INVALID_INPUT" });
    expect((byColumns as { issues: unknown }).issues).toEqual((byRows as { issues: unknown }).issues);
    expect((byColumns as { issues: unknown[] }).issues).toHaveLength(4);
  });

  it("leaves the matcher as a fresh one ranks after bad input", async () => {
    const fresh = fakeMatcher("optimized");
    const candidates = [
      { id: "a", skills: [{ name: "Advanced TypeScript", level: level(5) }] },
      {
        id: "b",
        skills: [
          { name: "Postgres", level: level(3) },
          { name: "Go", level: level(1) },
        ],
      },
    ];
    const used = fakeMatcher("optimized");
    const badName = toColumns([{ id: "x", skills: [{ name: "Rust\u0007", level: level(3) }] }]);
    await expect(used.rankColumns(badName, role)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await used.rankColumns(toColumns(candidates), role)).toEqual(
      await fresh.rankColumns(toColumns(candidates), role),
    );
    await fresh.close();
    await used.close();
  });

  it("ranks chunks that share one growing names array as it ranks each with its own, even if a name changes", async () => {
    // As the CLI's reader thread sends them: every chunk's dictionary is the run's names so far, one array.
    const fresh = fakeMatcher("optimized");
    const shared = fakeMatcher("optimized");
    const names: string[] = [];
    const chunk = (candidates: RankCandidate[]): CandidateColumns => {
      const own = toColumns(candidates);
      for (const n of own.names) if (!names.includes(n)) names.push(n);
      return { ...own, names, name: Int32Array.from(own.name, (d) => names.indexOf(own.names[d]!)) };
    };
    const one = (id: string, ...skills: [string, number][]): RankCandidate => ({
      id,
      skills: skills.map(([name, value]) => ({ name, level: level(value) })),
    });
    const chunks = [
      [one("a", ["TypeScript", 4], ["Advanced Go", 2]), one("b", ["Postgres", 3])],
      [one("c", ["Postgres", 5], ["Rust", 2]), one("d", ["Advanced Go", 4], ["TypeScript", 1])],
      [one("e", ["Rust", 5], ["TypeScript", 5])],
    ];
    for (const candidates of chunks)
      expect(await shared.rankColumns(chunk(candidates), role)).toEqual(
        await fresh.rankColumns(toColumns(candidates), role),
      );
    // A caller that puts another name at a known position gets that name scored, not the one it replaced.
    const typeScript = names.indexOf("TypeScript");
    names[typeScript] = "Figma";
    const changed = [one("f", ["Figma", 5])];
    const columns = { ...toColumns(changed), names, name: Int32Array.of(typeScript) };
    expect(await shared.rankColumns(columns, role)).toEqual(
      await fresh.rankColumns(toColumns(changed), role),
    );
    await fresh.close();
    await shared.close();
  });
});
