import { describe, expect, it } from "vitest";
import { loadLexicon } from "../src/adapters/lexicon/load-lexicon.js";
import { RELATION_ALIAS } from "../src/core/lexicon/lexicon-relation.js";
import { lexicalSimilarity } from "../src/core/scoring/lexical-similarity.js";
import { createNameReadings, freshNameReadings } from "../src/core/scoring/name-readings.js";
import { normalizeName } from "../src/core/text/normalize-name.js";
import { findSkill } from "../src/lexicon/find-skill.js";
import { DEFAULT_SCORING_CONFIG } from "../src/scoring-config.js";

// Names the lexical rules read: acronyms and their expansions, credentials, unknown kinds of known skills,
// and lexicon names, each both known and unknown to the lexicon.
const NAMES = [
  "EMT",
  "Emergency Medical Technician",
  "Security Guard License",
  "Security Guard",
  "Certified Pharmacy Technician",
  "Pharmacy Technician",
  "Finish Carpentry",
  "Carpentry",
  "Drywall Installation",
  "GD&T",
  "Geometric Dimensioning and Tolerancing",
  "Programmable Logic Controllers (PLCs)",
  "PLC",
  "Emergency Response Planning",
  "ERP",
  "AP/AR",
  "Accounts Payable Accounts Receivable",
  "Applied Zorblax Welding",
  "Darts",
  "Dart",
];

describe("name readings", () => {
  it("give every pair the same evidence kept or read afresh, also when the kept readings start over", () => {
    const lex = loadLexicon();
    const norms = NAMES.map(normalizeName);
    const index = norms.map((n) => findSkill(lex, n));
    const fresh = freshNameReadings(lex);
    // Two names kept: every pair evicts, so readings are re-read and replaced all the time.
    const kept = createNameReadings(lex, 2);
    const a = new Float64Array(1);
    const b = new Float64Array(1);
    let aliases = 0;
    for (const [j, cn] of norms.entries())
      for (const [i, rn] of norms.entries()) {
        const [ci, ri] = [index[j] as number, index[i] as number];
        const args = [lex, ci, ri, cn, rn, DEFAULT_SCORING_CONFIG] as const;
        const codeFresh = lexicalSimilarity(...args, fresh, a);
        const codeKept = lexicalSimilarity(...args, kept, b);
        expect([codeKept, b[0]], `${NAMES[j]} / ${NAMES[i]}`).toEqual([codeFresh, a[0]]);
        if (codeFresh === RELATION_ALIAS && ci * ri < 0) aliases++;
      }
    // The rules fired on this list: a known and an unknown name read as one (acronyms, credentials).
    expect(aliases).toBeGreaterThanOrEqual(2);
  });

  it("read a name once however many pairs it is in", () => {
    const lex = loadLexicon();
    const readings = createNameReadings(lex);
    const first = readings.of("applied zorblax welding", -1);
    expect(readings.of("applied zorblax welding", -1)).toBe(first);
    expect(first.kind).toBe(findSkill(lex, "welding"));
    expect(first.contentWords).toEqual(["applied", "zorblax", "welding"]);
  });
});
