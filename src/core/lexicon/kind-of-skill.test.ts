import { describe, expect, it } from "vitest";
import { compileLexicon } from "../../lexicon/compile-lexicon.js";
import { kindOfSkill } from "./kind-of-skill.js";

const lex = compileLexicon(
  [
    {
      domain: "General",
      skills: [
        { id: "carpentry", name: "Carpentry" },
        { id: "criminal-defense", name: "Criminal Defense" },
        { id: "drywall", name: "Drywall" },
        { id: "welding", name: "Welding" },
      ],
    },
  ],
  "t",
);
const at = (id: string): number => lex.ids.indexOf(id);

describe("kindOfSkill", () => {
  it("reads an unknown multi-word name as a kind of its longest known tail", () => {
    expect(kindOfSkill(lex, "finish carpentry")).toBe(at("carpentry"));
    expect(kindOfSkill(lex, "steel erection welding")).toBe(at("welding"));
    expect(kindOfSkill(lex, "white collar criminal defense")).toBe(at("criminal-defense"));
  });

  it("reads a name with a trailing activity word as the skill before it", () => {
    expect(kindOfSkill(lex, "drywall installation")).toBe(at("drywall"));
  });

  it("never reads a shared modifier or a one-word name as a kind", () => {
    expect(kindOfSkill(lex, "welding inspection")).toBe(-1);
    expect(kindOfSkill(lex, "carpentry")).toBe(-1);
    expect(kindOfSkill(lex, "criminal psychology")).toBe(-1);
  });
});
