import { describe, expect, it } from "vitest";
import { tokenize } from "./tokenize.js";

describe("tokenize", () => {
  it("returns no tokens for an empty or symbol-only string", () => {
    expect(tokenize("")).toEqual([]);
    expect(tokenize(" -- / ")).toEqual([]);
  });

  it("keeps c++, c#, f# and .net intact", () => {
    expect(tokenize("c++ and c# with f# on .net")).toEqual(["c++", "and", "c#", "with", "f#", "on", ".net"]);
  });

  it("keeps dotted names like node.js and asp.net and drops a trailing dot", () => {
    expect(tokenize("node.js, asp.net etc.")).toEqual(["node.js", "asp.net", "etc"]);
  });

  it("glues short slash and ampersand pairs like ci/cd, tcp/ip and r&d", () => {
    expect(tokenize("ci/cd tcp/ip r&d p&l")).toEqual(["ci/cd", "tcp/ip", "r&d", "p&l"]);
  });

  it("splits long or symbol-bearing slash pairs", () => {
    expect(tokenize("sales/marketing")).toEqual(["sales", "marketing"]);
    expect(tokenize("c/c++")).toEqual(["c", "c++"]);
  });

  it("joins hyphens only next to a single character", () => {
    expect(tokenize("e-commerce t-sql objective-c")).toEqual(["e-commerce", "t-sql", "objective-c"]);
    expect(tokenize("front-end")).toEqual(["front", "end"]);
  });

  it("never splits a word into substrings", () => {
    expect(tokenize("maintain three good")).toEqual(["maintain", "three", "good"]);
  });

  it("handles non-Latin letters", () => {
    expect(tokenize("普通话 español")).toEqual(["普通话", "español"]);
  });
});
