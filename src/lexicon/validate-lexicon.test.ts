import { describe, expect, it } from "vitest";
import type { LexiconEntry, LexiconFile } from "../core/lexicon/types.js";
import { validateLexicon } from "./validate-lexicon.js";

const file = (...skills: LexiconEntry[]): LexiconFile[] => [{ domain: "SoftwareDevelopment", skills }];

describe("validateLexicon", () => {
  it("returns no issues for a valid lexicon", () => {
    const files = file(
      { id: "sql", name: "SQL" },
      {
        id: "postgresql",
        name: "PostgreSQL",
        aliases: ["Postgres"],
        isA: ["sql"],
        falseFriends: ["Progress"],
      },
    );
    expect(validateLexicon(files)).toEqual([]);
  });

  it("reports an edge to an unknown id with its path", () => {
    const issues = validateLexicon(file({ id: "a", name: "A", isA: ["missing"] }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "unknown_value", path: ["SoftwareDevelopment", 0, "isA", 0] });
    expect(issues[0]?.message).toContain("missing");
  });

  it("reports dangling partOf and related edges", () => {
    const issues = validateLexicon(file({ id: "a", name: "A", partOf: ["x"], related: ["y"] }));
    expect(issues.map((i) => i.path[2])).toEqual(["partOf", "related"]);
  });

  it("reports a duplicate id", () => {
    const issues = validateLexicon(file({ id: "a", name: "A" }, { id: "a", name: "B" }));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toEqual(["SoftwareDevelopment", 1, "id"]);
    expect(issues[0]?.message).toContain("duplicate id");
  });

  it("reports an alias that maps to two different skills, case-insensitively", () => {
    const issues = validateLexicon(
      file({ id: "a", name: "Alpha", aliases: ["AL"] }, { id: "b", name: "al" }),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toEqual(["SoftwareDevelopment", 1, "name"]);
    expect(issues[0]?.message).toContain("two skills");
  });

  it("accepts an alias that repeats its own skill's name", () => {
    expect(validateLexicon(file({ id: "a", name: "Alpha", aliases: ["alpha"] }))).toEqual([]);
  });

  it("reports an is-a cycle and a self edge", () => {
    const cycle = validateLexicon(
      file(
        { id: "a", name: "A", isA: ["b"] },
        { id: "b", name: "B", partOf: ["c"] },
        { id: "c", name: "C", isA: ["a"] },
      ),
    );
    expect(cycle).toHaveLength(1);
    expect(cycle[0]?.message).toContain("cycle");
    const self = validateLexicon(file({ id: "a", name: "A", isA: ["a"] }));
    expect(self[0]?.message).toContain("itself");
  });

  it("reports empty and blank names and ids", () => {
    const issues = validateLexicon(file({ id: "", name: "A" }, { id: "b", name: "   " }));
    expect(issues.map((i) => [i.code, i.path.join(".")])).toEqual([
      ["empty", "SoftwareDevelopment.0.id"],
      ["blank", "SoftwareDevelopment.1.name"],
    ]);
  });

  it("reports wrong types and unknown domains from untyped JSON", () => {
    const bad = [
      { domain: "Cooking", skills: [{ id: "a", name: 3, aliases: "x" }] },
    ] as unknown as LexiconFile[];
    const codes = validateLexicon(bad).map((i) => i.code);
    expect(codes).toEqual(["unknown_value", "invalid_type", "invalid_type"]);
  });

  it("reports a false friend that names the skill itself", () => {
    const issues = validateLexicon(file({ id: "a", name: "Alpha", aliases: ["A1"], falseFriends: ["a1"] }));
    expect(issues[0]?.path).toEqual(["SoftwareDevelopment", 0, "falseFriends", 0]);
  });
});
