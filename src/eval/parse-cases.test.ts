import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CompetencyError } from "../errors.js";
import { type CaseSchema, parseCases } from "./parse-cases.js";

const SCHEMA = JSON.parse(
  readFileSync(new URL("../../test/fixtures/quality/case.schema.json", import.meta.url), "utf8"),
) as CaseSchema;

const level = (value: number, max = 5) => ({ value, max });
function validCase(id = "rel-docker") {
  return {
    id,
    theme: "related",
    note: "Docker is related to Kubernetes.",
    required: [{ name: "Kubernetes", level: level(3), mustHave: true, weight: 2 }],
    candidates: [
      { label: "docker", skills: [{ name: "Docker", level: level(3) }], grade: 1 },
      { label: "cooking", skills: [{ name: "Cooking", level: level(3) }], grade: 0 },
    ],
  };
}

function issuesOf(fn: () => unknown): { path: readonly (string | number)[]; code: string }[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CompetencyError);
    expect((error as CompetencyError).code).toBe("SCHEMA_MISMATCH");
    return (error as CompetencyError).issues.map((i) => ({ path: i.path, code: i.code }));
  }
  throw new Error("expected parseCases to throw");
}

describe("parseCases", () => {
  it("accepts a valid file and returns its cases", () => {
    expect(parseCases(SCHEMA, [{ theme: "related", data: [validCase()] }])).toEqual([validCase()]);
  });

  it("rejects a file that is not an array", () => {
    expect(issuesOf(() => parseCases(SCHEMA, [{ theme: "related", data: validCase() }]))).toEqual([
      { path: ["related"], code: "invalid_type" },
    ]);
  });

  it("rejects out-of-range grades, unknown keys and too few candidates, listing every issue", () => {
    const bad = validCase();
    const data = [
      { ...bad, candidates: [{ ...bad.candidates[0], grade: 4 }, ...bad.candidates.slice(1)] },
      { ...bad, id: "two", extra: true },
      { ...bad, id: "three", candidates: bad.candidates.slice(0, 1) },
    ];
    const issues = issuesOf(() => parseCases(SCHEMA, [{ theme: "related", data }]));
    expect(issues).toContainEqual({ path: ["related", 0, "candidates", 0, "grade"], code: "out_of_range" });
    expect(issues).toContainEqual({ path: ["related", 1], code: "unknown_key" });
    expect(issues).toContainEqual({ path: ["related", 2, "candidates"], code: "out_of_range" });
  });

  it("rejects value > max, duplicate labels, equal grades, duplicate ids and a wrong theme", () => {
    const c = validCase();
    const overMax = { ...c, required: [{ name: "Kubernetes", level: level(6) }] };
    const sameLabels = {
      ...c,
      id: "b",
      candidates: [c.candidates[0], { ...c.candidates[1], label: "docker" }],
    };
    const sameGrades = { ...c, id: "c", candidates: [c.candidates[0], { ...c.candidates[1], grade: 1 }] };
    const issues = issuesOf(() =>
      parseCases(SCHEMA, [
        { theme: "related", data: [overMax, sameLabels, sameGrades, validCase("c")] },
        { theme: "hierarchy", data: [validCase("d")] },
      ]),
    );
    expect(issues).toEqual([
      { path: ["related", 0, "required", 0, "level", "value"], code: "out_of_range" },
      { path: ["related", 1, "candidates", 1, "label"], code: "unknown_value" },
      { path: ["related", 2, "candidates"], code: "unknown_value" },
      { path: ["related", 3, "id"], code: "unknown_value" },
      { path: ["hierarchy", 0, "theme"], code: "unknown_value" },
    ]);
  });
});
