import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tokenize } from "../../lexicon/tokenize.js";
import { acronymForms } from "./acronym-match.js";
import { plainWords } from "./plain-words.js";

// The expressions tokenize and acronymForms read other strings with (copied, to compare against).
const UNIT = /\.?[\p{L}\p{N}]+(?:[.'][\p{L}\p{N}]+)*[+#]*/gu;
const WORD_SPLIT = /[^\p{L}\p{N}&/.]+/u;

const plainString = fc.stringMatching(/^[a-z0-9 ]{0,40}$/);
const anyString = fc.string({ unit: fc.constantFrom(..."ab z09 -/&.'+#(é)_".split("")), maxLength: 30 });

describe("plainWords", () => {
  it("splits a plain string where both tokenizers' expressions split it", () => {
    fc.assert(
      fc.property(plainString, (s) => {
        const words = plainWords(s);
        expect(words).toEqual([...s.matchAll(UNIT)].map((m) => m[0]));
        expect(words).toEqual(s.split(WORD_SPLIT).filter((w) => w.length > 0));
      }),
      { numRuns: 500 },
    );
  });

  it("is null for any string with another character, which the tokenizers then read as before", () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const plain = /^[a-z0-9 ]*$/.test(s);
        expect(plainWords(s) === null).toBe(!plain);
      }),
      { numRuns: 500 },
    );
    expect(tokenize("ci/cd with node.js and c++")).toEqual(["ci/cd", "with", "node.js", "and", "c++"]);
    expect(acronymForms("p&id  (plcs)").map((f) => f.words)).toEqual([["p&id"], ["plcs"]]);
  });
});
