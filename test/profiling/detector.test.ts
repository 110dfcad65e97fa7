import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detect } from "../../src/profiling/detector/detect.js";
import { detectFile } from "../../src/profiling/detector/detect-file.js";
import { RULES } from "../../src/profiling/detector/rules.js";

const DIR = join(import.meta.dirname, "..", "fixtures", "detector");
const read = (name: string) => readFileSync(join(DIR, name), "utf8");

describe("memory detect rules", () => {
  it.each(RULES.map((r) => r.name))(
    "%s fires on its positive fixture and not on its negative one",
    (name) => {
      const positive = detectFile(`${name}.positive.ts`, read(`${name}.positive.ts`), RULES);
      const negative = detectFile(`${name}.negative.ts`, read(`${name}.negative.ts`), RULES);
      expect(positive.map((f) => f.rule)).toContain(name);
      expect(negative.map((f) => f.rule)).not.toContain(name);
    },
  );

  it("flags a collection rebuilt in every loop form: for…of, for…in, while, do and a forEach callback", () => {
    const found = detectFile("c.ts", read("collection-in-loop.positive.ts"), RULES).filter(
      (f) => f.rule === "collection-in-loop",
    );
    expect(found.map((f) => f.line)).toEqual([3, 4, 6, 7, 9]);
  });

  it("refuses a file that does not parse instead of calling it clean", () => {
    expect(() => detectFile("bad.ts", "export function f( {", RULES)).toThrow(/bad\.ts:1:\d+ does not parse/);
  });

  it("warns about a path with no TypeScript files", () => {
    const outcome = detect([join(DIR, "..", "..", "..", "README.md")], [], process.cwd());
    expect(outcome.files).toBe(0);
    expect(outcome.warnings).toEqual([expect.stringMatching(/README\.md: no TypeScript files/)]);
  });

  it("reports file, line and column of each finding", () => {
    const [finding] = detectFile("x.ts", read("json-clone.positive.ts"), RULES);
    expect(finding).toMatchObject({ file: "x.ts", line: 1, rule: "json-clone" });
    expect(finding?.column).toBeGreaterThan(1);
  });

  it("finds nothing in src/core", () => {
    const outcome = detect([join(import.meta.dirname, "..", "..", "src", "core")], [], process.cwd());
    expect(outcome.findings.map((f) => `${f.file}:${f.line} ${f.rule}`)).toEqual([]);
    expect(outcome.files).toBeGreaterThan(30);
  });

  it("moves findings the allow-list accepts out of the failing set", () => {
    const outcome = detect(
      [DIR],
      [{ path: "test/fixtures/detector/json-clone", rule: "json-clone", reason: "fixture" }],
      process.cwd(),
    );
    expect(outcome.allowed.map((f) => f.rule)).toEqual(["json-clone"]);
    expect(outcome.findings.some((f) => f.rule === "json-clone")).toBe(false);
  });
});
