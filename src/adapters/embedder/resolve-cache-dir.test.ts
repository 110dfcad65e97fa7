import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveCacheDir } from "./resolve-cache-dir.js";

describe("resolveCacheDir", () => {
  it("prefers $COMPETENCY_CACHE_DIR", () => {
    expect(resolveCacheDir({ COMPETENCY_CACHE_DIR: "/c", XDG_CACHE_HOME: "/x" }, "/home/a")).toBe("/c");
  });

  it("falls back to $XDG_CACHE_HOME/competency-api", () => {
    expect(resolveCacheDir({ XDG_CACHE_HOME: "/x" }, "/home/a")).toBe(join("/x", "competency-api"));
  });

  it("falls back to <home>/.cache/competency-api and treats empty variables as unset", () => {
    expect(resolveCacheDir({}, "/home/a")).toBe(join("/home/a", ".cache", "competency-api"));
    expect(resolveCacheDir({ COMPETENCY_CACHE_DIR: "", XDG_CACHE_HOME: "" }, "/home/a")).toBe(
      join("/home/a", ".cache", "competency-api"),
    );
  });
});
