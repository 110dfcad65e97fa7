import { describe, expect, it } from "vitest";
import { CompetencyError } from "../errors.js";
import { classifyDomain } from "./classify-domain.js";
import { compileDomainKeywords } from "./compile-domain-keywords.js";
import { compileLexicon } from "./compile-lexicon.js";

const lex = compileLexicon(
  [
    {
      domain: "SoftwareDevelopment",
      skills: [
        { id: "go", name: "Go" },
        { id: "c", name: "C" },
        { id: "rust", name: "Rust" },
        { id: "express-js", name: "Express.js", aliases: ["Express"] },
      ],
    },
    {
      domain: "DataScience",
      skills: [{ id: "machine-learning", name: "Machine Learning", aliases: ["ML"] }],
    },
    { domain: "Communication", skills: [{ id: "communication", name: "Communication" }] },
  ],
  "t",
);
const keywords = compileDomainKeywords({
  domains: {
    DataScience: ["ai", "data"],
    HR: ["hr", "payroll"],
    Healthcare: ["vitamin"],
    Marketing: ["go to market"],
    Operations: ["delivery", "prevention"],
    SoftwareDevelopment: ["developer"],
  },
});

describe("classifyDomain", () => {
  it("returns the lexicon domain of a known skill", () => {
    expect(classifyDomain(lex, keywords, "machine learning")).toBe("DataScience");
    expect(classifyDomain(lex, keywords, "ml")).toBe("DataScience");
  });

  it("matches whole tokens only, never substrings", () => {
    expect(classifyDomain(lex, keywords, "maintain")).toBe("General");
    expect(classifyDomain(lex, keywords, "three")).toBe("General");
    expect(classifyDomain(lex, keywords, "good communication")).toBe("Communication");
  });

  it("scores keywords and skill names found inside longer names", () => {
    expect(classifyDomain(lex, keywords, "hr generalist")).toBe("HR");
    expect(classifyDomain(lex, keywords, "applied machine learning research")).toBe("DataScience");
    expect(classifyDomain(lex, keywords, "ai/ml engineering")).toBe("DataScience");
  });

  it("prefers the longest phrase and ignores one-letter skill names inside phrases", () => {
    expect(classifyDomain(lex, keywords, "go to market planning")).toBe("Marketing");
    expect(classifyDomain(lex, keywords, "vitamin c")).toBe("Healthcare");
  });

  it("does not let a one-word skill decide a longer name against a keyword pointing elsewhere", () => {
    expect(classifyDomain(lex, keywords, "rust prevention")).toBe("Operations");
    expect(classifyDomain(lex, keywords, "express delivery")).toBe("Operations");
    expect(classifyDomain(lex, keywords, "same day express delivery")).toBe("Operations");
    // with no competing keyword, or with a keyword of its own domain, the skill still decides
    expect(classifyDomain(lex, keywords, "rust")).toBe("SoftwareDevelopment");
    expect(classifyDomain(lex, keywords, "rust tooling")).toBe("SoftwareDevelopment");
    expect(classifyDomain(lex, keywords, "rust developer")).toBe("SoftwareDevelopment");
    // a multi-word skill name still outweighs a keyword
    expect(classifyDomain(lex, keywords, "machine learning delivery")).toBe("DataScience");
  });

  it("falls back to General when nothing matches", () => {
    expect(classifyDomain(lex, keywords, "underwater basket weaving")).toBe("General");
  });
});

describe("compileDomainKeywords", () => {
  it("rejects unknown domains, blank keywords and a keyword claimed twice", () => {
    let error: unknown;
    try {
      compileDomainKeywords({ domains: { Cooking: ["x"], HR: ["  ", "hr"], Sales: ["HR"] } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CompetencyError);
    expect((error as CompetencyError).issues.map((i) => i.code)).toEqual([
      "unknown_value",
      "blank",
      "too_many",
    ]);
  });

  it("rejects a value that is not a keyword table", () => {
    expect(() => compileDomainKeywords([])).toThrow(CompetencyError);
  });
});
