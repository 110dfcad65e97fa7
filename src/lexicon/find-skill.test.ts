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
});
