import { describe, expect, it } from "vitest";
import { headTokenIndex } from "./head-token-index.js";
import { tokenize } from "./tokenize.js";

const head = (name: string) => {
  const tokens = tokenize(name);
  const k = headTokenIndex(tokens, tokens.length);
  return k < 0 ? null : tokens[k];
};

describe("headTokenIndex", () => {
  it("finds the last content word of a noun compound", () => {
    expect(head("criminal law")).toBe("law");
    expect(head("mechanical engineering")).toBe("engineering");
    expect(head("financial modeling")).toBe("modeling");
    expect(head("water resources engineering")).toBe("engineering");
  });

  it("skips generic fillers", () => {
    expect(head("written communication skills")).toBe("communication");
    expect(head("communication skills")).toBe(null);
  });

  it("has no head for single words, coordinations and prepositional phrases", () => {
    expect(head("welding")).toBe(null);
    expect(head("sales and marketing")).toBe(null);
    expect(head("theory of computation")).toBe(null);
    expect(head("ci cd")).toBe(null);
  });

  it("ignores tokens past the end (a trailing parenthetical)", () => {
    expect(headTokenIndex(["programmable", "logic", "controllers", "plcs"], 3)).toBe(2);
  });
});
