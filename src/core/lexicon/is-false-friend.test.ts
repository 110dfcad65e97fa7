import { describe, expect, it } from "vitest";
import { compileLexicon } from "../../lexicon/compile-lexicon.js";
import { isFalseFriend } from "./is-false-friend.js";

const lex = compileLexicon(
  [
    {
      domain: "SoftwareDevelopment",
      skills: [
        { id: "javascript", name: "JavaScript", aliases: ["JS", "ECMAScript"] },
        { id: "java", name: "Java", falseFriends: ["JavaScript"] },
        { id: "sql", name: "SQL" },
        { id: "sqlite", name: "SQLite", isA: ["sql"] },
        { id: "swift", name: "Swift", falseFriends: ["swift codes"] },
      ],
    },
  ],
  "t",
);
const ff = (a: string, b: string): boolean =>
  isFalseFriend(lex, lex.index.get(a) ?? -1, lex.index.get(b) ?? -1, a, b);

describe("isFalseFriend", () => {
  it("flags a listed false friend in both directions and through aliases", () => {
    expect(ff("java", "javascript")).toBe(true);
    expect(ff("javascript", "java")).toBe(true);
    expect(ff("java", "js")).toBe(true);
    expect(ff("ecmascript", "java")).toBe(true);
  });

  it("flags a listed name that is not a skill", () => {
    expect(ff("swift", "swift codes")).toBe(true);
    expect(ff("swift codes", "swift")).toBe(true);
  });

  it("never flags two names of the same skill or identical names", () => {
    expect(ff("javascript", "js")).toBe(false);
    expect(ff("java", "java")).toBe(false);
  });

  it("does not flag a prefix pair the lexicon relates", () => {
    expect(ff("sql", "sqlite")).toBe(false);
  });

  it("flags names equal without + and # for unknown names", () => {
    expect(ff("c", "c++")).toBe(true);
    expect(ff("c#", "c++")).toBe(true);
    expect(ff("f", "f#")).toBe(true);
    expect(ff("c++ programming", "c programming")).toBe(true);
  });

  it("flags single-token strict prefixes of unknown names", () => {
    expect(ff("go", "google")).toBe(true);
    expect(ff("excellence", "excel")).toBe(true);
    expect(ff("r", "ruby")).toBe(true);
  });

  it("flags a single-token name that is a strict prefix of a word inside a longer name", () => {
    expect(ff("good judgement", "go")).toBe(true);
    expect(ff("go", "excellent go skills")).toBe(false);
    expect(ff("excel", "excellent communication")).toBe(true);
    expect(ff("lead", "team leadership")).toBe(false);
  });

  it("ignores inflections, whole-word matches and unrelated names", () => {
    expect(ff("lead", "leadership")).toBe(false);
    expect(ff("excel", "excels")).toBe(false);
    expect(ff("go", "go to market")).toBe(false);
    expect(ff("python", "cooking")).toBe(false);
  });
});
