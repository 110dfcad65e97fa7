import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createFakeEmbedder } from "../src/adapters/embedder/fake.js";
import { loadDomainKeywords } from "../src/adapters/lexicon/load-domain-keywords.js";
import { loadLexicon } from "../src/adapters/lexicon/load-lexicon.js";
import type { EvidenceContext, SideInput } from "../src/core/engine/engine-types.js";
import { pairEvidence } from "../src/core/engine/pair-evidence.js";
import { createRowEvidence } from "../src/core/engine/row-evidence.js";
import { createNameReadings, freshNameReadings } from "../src/core/scoring/name-readings.js";
import { createNameTable } from "../src/prepare/name-table.js";
import { prepareSide } from "../src/prepare/prepare-side.js";
import { DEFAULT_SCORING_CONFIG } from "../src/scoring-config.js";

const DIM = 16;
const lexicon = loadLexicon();
const embedder = createFakeEmbedder(DIM);

// Lexicon names, unknown names, acronyms and their expansions, credentials, parentheses, level suffixes,
// false friends, shared modifiers and word-like / code-like unknown names.
const NAMES = [
  "EMT",
  "Emergency Medical Technician",
  "EMT-B",
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
  "Commercial Driver's License",
  "CDL",
  "HVAC/R",
  "Registered Nurse (RN)",
  "Postpartum Nursing",
  "Perinatal Nursing",
  "Structural Engineering",
  "Structural Biology",
  "Traffic Engineering",
  "Traffic Acquisition",
  "Industrial Design and Prototyping",
  "Sales and Marketing",
  "Java",
  "JavaScript",
  "Go",
  "Google",
  "C",
  "C++",
  "PostgreSQL",
  "SQL",
  "Python",
  "Privileged Access Management",
  "PAM",
  "Microsoft Teams",
  "CLTD",
  "Applied Zorblax Welding",
  "zorblax quantic 953",
  "vorpal tessellated 863",
  "zukamor",
  "Horology",
  "qwerty",
  "Darts",
  "Dart",
];

/** A side of `names` as the matcher prepares it: interned entries, fake embedding rows and head rows. */
async function sideOf(names: readonly string[]): Promise<SideInput> {
  const table = createNameTable(lexicon, loadDomainKeywords(), embedder.id, 1_000_000);
  const entries = names.map((n) => table.entry(n));
  const all = await embedder.embed(entries.map((e) => e.norm));
  const heads = await embedder.embed(entries.map((e) => e.headEntry?.norm ?? ""));
  const rows = entries.map((_, k) => all.slice(k * DIM, (k + 1) * DIM));
  const headRows = entries.map((_, k) => heads.slice(k * DIM, (k + 1) * DIM));
  const skills = names.map((name) => ({ name, level: { value: 3, max: 5 } }));
  return prepareSide(skills, entries, rows, headRows);
}

/** Every pair's row evidence equals `pairEvidence` bit for bit (similarity and relation code). */
function expectRowsEqualPairs(candidate: SideInput, required: SideInput): void {
  const config = DEFAULT_SCORING_CONFIG;
  const rowCtx: EvidenceContext = { lexicon, config, readings: createNameReadings(lexicon) };
  const pairCtx: EvidenceContext = { lexicon, config, readings: freshNameReadings(lexicon) };
  const row = createRowEvidence(rowCtx, required, DIM);
  const a = new Float64Array(1);
  const b = new Float64Array(1);
  for (let j = 0; j < candidate.norms.length; j++) {
    row.begin(candidate, j);
    for (let i = 0; i < required.norms.length; i++) {
      const codeRow = row.pair(i, a);
      const codePair = pairEvidence(pairCtx, candidate, j, required, i, DIM, b);
      const pair = `${candidate.names[j]} / ${required.names[i]}`;
      expect(codeRow, pair).toBe(codePair);
      expect(Object.is(a[0], b[0]), `${pair}: ${a[0]} vs ${b[0]}`).toBe(true);
    }
  }
}

describe("createRowEvidence", () => {
  it("gives every pair of a name list the same evidence as pairEvidence, bit for bit", async () => {
    const side = await sideOf(NAMES);
    expectRowsEqualPairs(side, side);
  });

  it("keeps the floors of new names by kind: names of one kind, in any order, get pairEvidence's floors", async () => {
    // Each kind's floors are worked out on its first name and read back for the others (row-evidence.ts).
    const candidates = await sideOf([
      "Advanced Carpentry",
      "Applied Python",
      "Applied Carpentry",
      "Modern PostgreSQL",
      "Practical Python",
      "Agile Finish Carpentry",
      "Remote Zorblax Welding",
      "Cloud SQL",
      "Advanced Carpentry",
    ]);
    const required = await sideOf([
      "Carpentry",
      "Drywall Installation",
      "Python",
      "PostgreSQL",
      "SQL",
      "Zukamor",
    ]);
    expectRowsEqualPairs(candidates, required);
  });

  it("gives generated names the same evidence as pairEvidence, bit for bit", async () => {
    const words = ["emergency", "medical", "technician", "emt", "license", "security", "guard", "zorblax"];
    const nameArb = fc
      .tuple(
        fc.array(fc.constantFrom(...words, ...NAMES), { minLength: 1, maxLength: 4 }),
        fc.option(fc.constantFrom("EMT", "PLCs", "zorblax"), { nil: undefined }),
      )
      .map(([ws, aside]) => (aside === undefined ? ws.join(" ") : `${ws.join(" ")} (${aside})`));
    await fc.assert(
      fc.asyncProperty(
        fc.array(nameArb, { minLength: 1, maxLength: 6 }),
        fc.array(nameArb, { minLength: 1, maxLength: 6 }),
        async (candidates, required) => {
          expectRowsEqualPairs(await sideOf(candidates), await sideOf(required));
        },
      ),
      { numRuns: 100 },
    );
  });
});
