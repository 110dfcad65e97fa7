import { describe, expect, it } from "vitest";
import { compileLexicon } from "./compile-lexicon.js";
import { findSkill } from "./find-skill.js";

const lex = compileLexicon(
  [
    {
      domain: "SoftwareDevelopment",
      skills: [
        { id: "python", name: "Python" },
        { id: "ml", name: "Machine Learning" },
      ],
    },
    { domain: "Sales", skills: [{ id: "sales", name: "Sales" }] },
    { domain: "Languages", skills: [{ id: "spanish", name: "Spanish" }] },
    { domain: "Communication", skills: [{ id: "communication", name: "Communication" }] },
  ],
  "t",
);

describe("findSkill", () => {
  it("finds names by their normalised key", () => {
    expect(findSkill(lex, "python")).toBe(0);
    expect(findSkill(lex, "cooking")).toBe(-1);
  });

  it("reads hyphens and underscores as spaces", () => {
    expect(findSkill(lex, "machine-learning")).toBe(1);
    expect(findSkill(lex, "machine_learning")).toBe(1);
  });

  it("strips a programming or development suffix only for code skills", () => {
    expect(findSkill(lex, "python programming")).toBe(0);
    expect(findSkill(lex, "python development")).toBe(0);
    expect(findSkill(lex, "sales development")).toBe(-1);
  });

  it("strips language for spoken languages and skills for any domain", () => {
    expect(findSkill(lex, "spanish language")).toBe(3);
    expect(findSkill(lex, "communication skills")).toBe(4);
    expect(findSkill(lex, " skills")).toBe(-1);
  });

  it("reads a leading abbreviation as its expansion and the other way round", () => {
    const abbr = compileLexicon(
      [
        {
          domain: "HR",
          skills: [
            { id: "hr", name: "Human Resources", aliases: ["HR", "HRM"] },
            { id: "hr-management", name: "Human Resources Management" },
            { id: "hr-analytics", name: "HR Analytics" },
          ],
        },
        { domain: "SoftwareDevelopment", skills: [{ id: "rust", name: "Rust", aliases: ["Rust language"] }] },
      ],
      "t",
    );
    expect(findSkill(abbr, "hr management")).toBe(1);
    expect(findSkill(abbr, "hrm management")).toBe(1);
    expect(findSkill(abbr, "human resources analytics")).toBe(2);
    expect(findSkill(abbr, "hr-management")).toBe(1);
    // the result must be a known name: no partial or guessed matches
    expect(findSkill(abbr, "hr reporting")).toBe(-1);
    expect(findSkill(abbr, "human resources")).toBe(0);
    // a long leading word is not an abbreviation, and a one-word key never expands
    expect(findSkill(abbr, "rust prevention")).toBe(-1);
  });

  it("finds punctuation and plural variants: a parenthetical, either part, a trailing plural", () => {
    const plc = compileLexicon(
      [
        {
          domain: "Trades",
          skills: [
            { id: "plc", name: "PLC Programming", aliases: ["PLC", "programmable logic controllers"] },
          ],
        },
      ],
      "t",
    );
    expect(findSkill(plc, "programmable-logic controllers (plcs)")).toBe(0);
    expect(findSkill(plc, "plcs")).toBe(0);
    expect(findSkill(plc, "programmable logic controller (x)")).toBe(-1);
    expect(findSkill(plc, "programmable logic controllers (plc)")).toBe(0);
    expect(findSkill(plc, "glass")).toBe(-1);
    const dart = compileLexicon(
      [{ domain: "SoftwareDevelopment", skills: [{ id: "dart", name: "Dart" }] }],
      "t",
    );
    expect(findSkill(dart, "darts")).toBe(-1);
  });

  it("reads a credential as the skill it certifies", () => {
    const trades = compileLexicon(
      [
        {
          domain: "Trades",
          skills: [
            {
              id: "electrical-work",
              name: "Electrical Work",
              aliases: ["electrician", "journeyman electrician"],
            },
            { id: "nursing", name: "Nursing", aliases: ["RN", "registered nurse"] },
          ],
        },
      ],
      "t",
    );
    expect(findSkill(trades, "journeyman electrician's license")).toBe(0);
    expect(findSkill(trades, "licensed electrician")).toBe(0);
    expect(findSkill(trades, "registered nurse (rn) license")).toBe(1);
    expect(findSkill(trades, "rn license")).toBe(1);
    expect(findSkill(trades, "plumbing license")).toBe(-1);
  });

  it("reads a level suffix and a practitioner as the skill", () => {
    const trades = compileLexicon(
      [
        {
          domain: "Trades",
          skills: [
            { id: "ems", name: "Emergency Medical Services", aliases: ["EMT"] },
            { id: "forklift", name: "Forklift Operation" },
            { id: "lpn", name: "Licensed Practical Nursing", aliases: ["practical nursing"] },
          ],
        },
      ],
      "t",
    );
    expect(findSkill(trades, "emt-b")).toBe(0);
    expect(findSkill(trades, "emt-ii")).toBe(0);
    expect(findSkill(trades, "forklift operator")).toBe(1);
    expect(findSkill(trades, "licensed practical nurse")).toBe(2);
    expect(findSkill(trades, "crane operator")).toBe(-1);
    expect(findSkill(trades, "journeyman forklift operator")).toBe(1);
  });
});
