import { describe, expect, it } from "vitest";
import { credentialMatch } from "./credential-match.js";
import { dropLevelSuffix } from "./drop-level-suffix.js";

describe("credentialMatch", () => {
  it.each([
    ["security guard license", "security guard"],
    ["certified pharmacy technician", "pharmacy technicians"],
    ["food handler certificate", "food handler"],
  ])("reads %s as %s", (a, b) => {
    expect(credentialMatch(a, b)).toBe(true);
    expect(credentialMatch(b, a)).toBe(true);
  });

  it.each([
    ["security guard license", "security"],
    ["license", "certification"],
    ["food handler", "food handler"],
    ["darts", "dart"],
  ])("does not read %s as %s", (a, b) => {
    expect(credentialMatch(a, b)).toBe(false);
  });
});

describe("dropLevelSuffix", () => {
  it.each([
    ["emt-b", "emt"],
    ["hvac/r", "hvac"],
    ["cna-ii", "cna"],
    ["ci/cd", "ci/cd"],
    ["tcp/ip", "tcp/ip"],
    ["t-sql", "t-sql"],
    ["emergency medical technician", "emergency medical technician"],
  ])("%s → %s", (a, b) => {
    expect(dropLevelSuffix(a)).toBe(b);
  });
});
