import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { splitDisputed } from "../src/eval/disputed.js";
import { CASE_SCHEMA_FILE, DISPUTED_FILE, loadCases, loadDisputed } from "../src/eval/load-cases.js";
import { HELDOUT_FIXTURES_DIR, QUALITY_FIXTURES_DIR } from "../src/eval/main.js";
import { type CaseSchema, parseCases } from "../src/eval/parse-cases.js";
import { runEval } from "../src/eval/run-eval.js";
import type { EvalReport, QualityCase } from "../src/eval/types.js";
import { createMatcher, type Matcher } from "../src/index.js";

/** Floors on the case-averaged metrics of the real default matcher (docs/quality.md has the measured values). */
// Just below what the model measures (0.977 / 0.995 / 0.996 on 2026-11-25), so a quality regression fails the suite.
const FLOORS = { pairwiseAccuracy: 0.95, meanReciprocalRank: 0.97, ndcg: 0.97 } as const;

const THEMES = [
  "synonyms-aliases",
  "hierarchy",
  "related",
  "unrelated",
  "false-friends",
  "levels-and-scales",
  "multi-skill-roles",
  "non-tech-roles",
];

describe("quality fixtures", () => {
  const schema = JSON.parse(readFileSync(`${QUALITY_FIXTURES_DIR}${CASE_SCHEMA_FILE}`, "utf8")) as CaseSchema;
  const files = readdirSync(QUALITY_FIXTURES_DIR)
    .filter((name) => name.endsWith(".json") && name !== CASE_SCHEMA_FILE)
    .sort()
    .map((name) => ({
      theme: name.slice(0, -".json".length),
      data: JSON.parse(readFileSync(`${QUALITY_FIXTURES_DIR}${name}`, "utf8")) as unknown,
    }));

  it("match the case schema and the cross-field rules", () => {
    expect(() => parseCases(schema, files)).not.toThrow();
  });

  it("hold at least 160 cases, one file per theme, at least 15 per theme", () => {
    const cases = parseCases(schema, files);
    expect(cases.length).toBeGreaterThanOrEqual(160);
    expect(files.map((f) => f.theme).sort()).toEqual([...THEMES].sort());
    for (const theme of THEMES)
      expect(cases.filter((c) => c.theme === theme).length).toBeGreaterThanOrEqual(15);
  });
});

const HELDOUT_THEMES = [
  "shared-modifier",
  "abbreviations",
  "umbrella-terms",
  "related-families",
  "must-have-licences",
  "junk-names",
  "honest-beginner",
];

// The held-out set is checked for format only: its numbers are reported by `npm run eval`, with no floor yet.
describe("held-out quality fixtures", () => {
  const schema = JSON.parse(readFileSync(`${HELDOUT_FIXTURES_DIR}${CASE_SCHEMA_FILE}`, "utf8")) as CaseSchema;
  const files = readdirSync(HELDOUT_FIXTURES_DIR)
    .filter((name) => name.endsWith(".json") && name !== CASE_SCHEMA_FILE && name !== DISPUTED_FILE)
    .sort()
    .map((name) => ({
      theme: name.slice(0, -".json".length),
      data: JSON.parse(readFileSync(`${HELDOUT_FIXTURES_DIR}${name}`, "utf8")) as unknown,
    }));

  it("match the held-out schema and the cross-field rules, with one file per class", () => {
    const cases = parseCases(schema, files);
    expect(cases.length).toBeGreaterThanOrEqual(100);
    expect(files.map((f) => f.theme).sort()).toEqual([...HELDOUT_THEMES].sort());
  });

  it("are mostly non-tech, and every disputed id names a held-out case", async () => {
    const cases = await loadCases(HELDOUT_FIXTURES_DIR);
    expect(cases.filter((c) => c.domain !== "tech").length / cases.length).toBeGreaterThan(0.5);
    expect(() => splitDisputed(cases, [])).not.toThrow();
    const disputed = await loadDisputed(HELDOUT_FIXTURES_DIR);
    expect(() => splitDisputed(cases, disputed)).not.toThrow();
  });
});

describe("quality of the default matcher", () => {
  let matcher: Matcher;
  let cases: QualityCase[];
  let report: EvalReport;

  beforeAll(async () => {
    matcher = createMatcher();
    cases = await loadCases(QUALITY_FIXTURES_DIR);
    report = await runEval(matcher, cases);
  });

  afterAll(async () => {
    await matcher.close();
  });

  it("scores every candidate of every case", () => {
    expect(report.overall.cases).toBe(cases.length);
    for (const r of report.cases) for (const c of r.candidates) expect(c.score).not.toBeNaN();
  });

  it(`keeps pairwise accuracy >= ${FLOORS.pairwiseAccuracy}`, () => {
    expect(report.overall.pairwiseAccuracy).toBeGreaterThanOrEqual(FLOORS.pairwiseAccuracy);
  });

  it(`keeps MRR >= ${FLOORS.meanReciprocalRank}`, () => {
    expect(report.overall.meanReciprocalRank).toBeGreaterThanOrEqual(FLOORS.meanReciprocalRank);
  });

  it(`keeps nDCG@all >= ${FLOORS.ndcg}`, () => {
    expect(report.overall.ndcg).toBeGreaterThanOrEqual(FLOORS.ndcg);
  });
});
