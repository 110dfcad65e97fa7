import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Matcher, MatchResult, RequiredSkill, Skill } from "../src/index.js";
import { realMatcher } from "./helpers/test-matchers.js";

// SPEC §2 properties 2, 7, 8 and 9: they are about what skill names mean, so they use the real model.
let matcher: Matcher;
beforeAll(async () => {
  matcher = realMatcher();
  await matcher.ready();
});
afterAll(() => matcher.close());

const lvl = (value: number, max = 5) => ({ value, max });
const one = (name: string, value: number, max = 5): Skill => ({ name, level: lvl(value, max) });

async function score(candidate: Skill[], required: RequiredSkill[]): Promise<MatchResult> {
  return matcher.match(candidate, required);
}
async function pair(candidate: string, required: string, cv = 4, rv = 3): Promise<number> {
  return (await score([one(candidate, cv)], [one(required, rv)])).overallScore;
}

describe("property 2: exact skill at or above the required level", () => {
  it.each([
    ["Python", 5, 5, 3, 5],
    ["Kubernetes", 3, 5, 3, 5],
    ["Contract Law", 8, 10, 4, 5],
    ["Welding", 10, 10, 1, 3],
    ["node.js", 4, 5, 4, 5],
  ])("scores %s %i/%i against %i/%i at least 0.95", async (name, cv, cm, rv, rm) => {
    const result = await score([one(name, cv, cm)], [one(name, rv, rm)]);
    expect(result.overallScore).toBeGreaterThanOrEqual(0.95);
    expect(result.skillScores[0]?.evidence).toBe("direct");
  });

  it("treats 8/10 against 4/5 as a perfect level match", async () => {
    const result = await score([one("SQL", 8, 10)], [one("SQL", 4, 5)]);
    expect(result.skillScores[0]?.bestMatch?.levelRatio).toBe(1);
    expect(result.overallScore).toBeGreaterThanOrEqual(0.95);
  });
});

describe("property 7: unrelated skills and lower levels", () => {
  it.each([
    ["Cooking", "Kubernetes"],
    ["Gardening", "Machine Learning"],
    ["Welding", "Financial Accounting"],
    ["Ballet", "PostgreSQL"],
    ["Nursing", "React"],
    ["Plumbing", "Contract Law"],
  ])("scores %s for %s at most 0.3", async (candidate, required) => {
    expect(await pair(candidate, required, 5, 3)).toBeLessThanOrEqual(0.3);
  });

  it("scores a candidate below the required level clearly below one at it", async () => {
    const at = await pair("Python", "Python", 4, 4);
    const below = await pair("Python", "Python", 2, 4);
    expect(at - below).toBeGreaterThanOrEqual(0.15);
  });
});

describe("property 8: false friends", () => {
  it.each([
    ["Java", "JavaScript"],
    ["JavaScript", "Java"],
    ["C", "C++"],
    ["C", "C#"],
    ["C++", "C#"],
    ["R", "Ruby"],
    ["Go", "Google"],
    ["Scala", "Scaling"],
  ])("does not let %s stand in for %s", async (candidate, required) => {
    const result = await score([one(candidate, 5)], [one(required, 3)]);
    expect(result.overallScore).toBeLessThanOrEqual(0.3);
    expect(result.skillScores[0]?.evidence).toBe("none");
  });

  it("does not classify by substrings: maintain is not AI, three is not HR, good is not Go", async () => {
    const result = await matcher.match([one("Building Maintenance", 4)], [one("Artificial Intelligence", 3)]);
    expect(result.overallScore).toBeLessThanOrEqual(0.3);
    const hr = await matcher.match([one("Three-phase Wiring", 4)], [one("Recruiting", 3)]);
    expect(hr.overallScore).toBeLessThanOrEqual(0.3);
    const go = await matcher.match([one("Good Judgement", 4)], [one("Go", 3)]);
    expect(go.overallScore).toBeLessThanOrEqual(0.3);
  });
});

describe("property 9: aliases and hierarchy", () => {
  it.each([
    ["JS", "JavaScript"],
    ["k8s", "Kubernetes"],
    ["Postgres", "PostgreSQL"],
    ["JavaScript", "JS"],
  ])("treats %s as %s", async (candidate, required) => {
    const result = await score([one(candidate, 4)], [one(required, 3)]);
    expect(result.overallScore).toBeGreaterThanOrEqual(0.95);
    expect(result.skillScores[0]?.bestMatch?.relation).toBe("alias");
  });

  it.each([
    ["PostgreSQL", "SQL"],
    ["TypeScript", "JavaScript"],
    ["Deep Learning", "Machine Learning"],
  ])("gives %s strong credit for the parent requirement %s", async (candidate, required) => {
    const result = await score([one(candidate, 4)], [one(required, 3)]);
    expect(result.overallScore).toBeGreaterThanOrEqual(0.85);
    expect(result.skillScores[0]?.bestMatch?.relation).toBe("child");
    // and more than the other direction
    expect(result.overallScore).toBeGreaterThan(await pair(required, candidate));
  });

  it("gives related skills partial credit between unrelated and exact", async () => {
    const related = await pair("Docker", "Kubernetes", 4, 3);
    expect(related).toBeGreaterThan(await pair("Cooking", "Kubernetes", 4, 3));
    expect(related).toBeLessThan(await pair("Kubernetes", "Kubernetes", 4, 3));
  });
});
