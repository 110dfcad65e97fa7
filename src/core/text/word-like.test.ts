import { describe, expect, it } from "vitest";
import { isWordLike } from "./word-like.js";

describe("isWordLike", () => {
  it("accepts phrases of real-looking words", () => {
    expect(isWordLike("wills and trusts")).toBe(true);
    expect(isWordLike("steel erection welding")).toBe(true);
  });

  it("rejects numbered, code-like, single-token and short placeholder names", () => {
    for (const junk of ["skill 916", "a0", "b0", "asdf", "qwerty", "tbd", "n/a", "xyz 123", "item 42"])
      expect(isWordLike(junk), junk).toBe(false);
  });
});

describe("isWordLike on single tokens", () => {
  it("accepts a single real-looking word of four letters or more", () => {
    for (const word of ["horology", "stenography", "geodesy", "paving", "yoga", "sauté"])
      expect(isWordLike(word), word).toBe(true);
  });

  it("rejects keyboard mash, placeholders, repeated letters, short and vowel-less tokens", () => {
    for (const junk of [
      "asdf",
      "qwerty",
      "zxcvb",
      "hjkl",
      "none",
      "misc",
      "test",
      "aaaa",
      "xkcd",
      "tbd",
      "jfkdl",
    ])
      expect(isWordLike(junk), junk).toBe(false);
  });
});
