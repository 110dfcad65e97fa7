import { describe, expect, it } from "vitest";
import type { Issue } from "../errors.js";
import type { Limits } from "../matcher-types.js";
import { validateMatchOptions } from "./validate-match-options.js";
import { validateSkills } from "./validate-skills.js";

const LIMITS: Limits = {
  maxSkillsPerSide: 4,
  maxPairsPerBatch: 10,
  maxNameLength: 20,
  maxRankCandidates: 10,
};

function check(value: unknown, required = false): Issue[] {
  const issues: Issue[] = [];
  validateSkills(value, ["required"], LIMITS, required, issues);
  return issues;
}

describe("validateSkills", () => {
  it("accepts an array and { skills: [...] } alike", () => {
    const skill = { name: " Python ", level: { value: 3, max: 5 } };
    const issues: Issue[] = [];
    expect(validateSkills([skill], ["x"], LIMITS, false, issues)).toEqual([
      { name: "Python", level: { value: 3, max: 5 } },
    ]);
    expect(validateSkills({ skills: [skill] }, ["x"], LIMITS, false, issues)).toHaveLength(1);
    expect(issues).toEqual([]);
  });

  it("rejects an empty list", () => {
    expect(check([])).toEqual([expect.objectContaining({ code: "empty", path: ["required"] })]);
  });

  it("rejects more skills than the limit, naming the count", () => {
    const skill = { name: "a", level: { value: 1, max: 5 } };
    const [issue] = check([skill, skill, skill, skill, skill]);
    expect(issue?.code).toBe("too_many");
    expect(issue?.message).toContain("5");
  });

  it("collects every problem with its path and the bad value", () => {
    const issues = check([
      { name: "", level: { value: 6, max: 5 } },
      { name: 42, level: { value: Number.NaN, max: 0 } },
      { name: "x".repeat(21), level: { value: 1, max: Number.POSITIVE_INFINITY } },
      "nope",
    ]);
    const byPath = Object.fromEntries(issues.map((i) => [i.path.join("."), i]));
    expect(byPath["required.0.name"]?.code).toBe("blank");
    expect(byPath["required.0.level.value"]?.message).toContain("6");
    expect(byPath["required.1.name"]?.message).toContain("42");
    expect(byPath["required.1.level.value"]?.code).toBe("not_finite");
    expect(byPath["required.1.level.max"]?.message).toContain("0");
    expect(byPath["required.2.name"]?.code).toBe("too_long");
    expect(byPath["required.2.level.max"]?.code).toBe("not_finite");
    expect(byPath["required.3"]?.message).toContain("nope");
  });

  it("checks weight and mustHave on required skills only", () => {
    const bad = [{ name: "a", level: { value: 1, max: 5 }, weight: 0, mustHave: "yes" }];
    expect(check(bad, true).map((i) => i.path.join("."))).toEqual([
      "required.0.weight",
      "required.0.mustHave",
    ]);
    expect(check(bad, false)).toEqual([]);
  });

  it("rejects a non-list with the value it got", () => {
    expect(check("python")[0]?.message).toContain('"python"');
    expect(check({ skills: 3 })[0]?.path).toEqual(["required", "skills"]);
  });
});

describe("validateMatchOptions", () => {
  it("rejects unknown strategies and include entries", () => {
    const issues: Issue[] = [];
    validateMatchOptions({ strategy: "greedy", include: ["everything"], topK: 0 }, "default", issues);
    expect(issues.map((i) => i.path.join("."))).toEqual(["strategy", "include.0", "topK"]);
    expect(issues[0]?.message).toContain("greedy");
  });
});
