import { describe, expect, it } from "vitest";
import { acronymForms, acronymMatch, contentWords } from "./acronym-match.js";

describe("acronymMatch", () => {
  it.each([
    ["plc", "programmable logic controller"],
    ["plcs", "programmable logic controllers"],
    ["programmable-logic controllers (plcs)", "plc"],
    ["emt", "emergency medical technician"],
    ["lpn", "licensed practical nurse"],
    ["osha", "occupational safety and health administration"],
    ["gd&t", "geometric dimensioning and tolerancing"],
    ["p&id", "piping and instrumentation diagram"],
    ["ap/ar", "accounts payable accounts receivable"],
    ["cpt coding", "current procedural terminology coding"],
    ["cnc machining", "computer numerical control machining"],
    ["tig welding", "tungsten inert gas welding"],
    ["bim", "building information modeling"],
    ["cdl", "commercial driver's license"],
    ["hvac", "heating, ventilation and air conditioning"],
  ])("reads %s as an abbreviation of %s, both ways", (a, b) => {
    expect(acronymMatch(a, b)).toBe(true);
    expect(acronymMatch(b, a)).toBe(true);
  });

  it.each([
    ["css", "customer service skills"],
    ["ar", "accounts receivable"],
    ["plc", "public limited company law"],
    ["cnc", "cnc"],
    ["welding", "tungsten inert gas welding"],
    ["cpt coding", "medical billing"],
  ])("does not read %s as %s", (a, b) => {
    expect(acronymMatch(a, b)).toBe(false);
  });
});

describe("acronymForms", () => {
  it.each([
    "heating, ventilation and air conditioning",
    "programmable-logic controllers (plcs)",
    "project manager's handbook (pmbok)",
    "emt-b",
    "customer service skills",
  ])("reads %s with the name's content words first", (norm) => {
    expect(acronymForms(norm)[0]?.words).toEqual(contentWords(norm));
  });
});
