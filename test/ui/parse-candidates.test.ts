import { describe, expect, it } from "vitest";
import { parseCandidates, splitCsvRows } from "../../src/ui/parse-candidates.js";

describe("parseCandidates", () => {
  it("reads NDJSON lines, skipping blank ones and reporting bad JSON with its line", () => {
    const text = '{"id":"a","skills":[{"name":"SQL","level":{"value":3,"max":5}}]}\n\n{oops\n{"skills":[]}\n';
    const parsed = parseCandidates(text);
    expect(parsed.format).toBe("NDJSON");
    expect(parsed.candidates).toEqual([
      { id: "a", skills: [{ name: "SQL", level: { value: 3, max: 5 } }] },
      { id: "line 4", skills: [] },
    ]);
    expect(parsed.lines).toEqual([1, 4]);
    expect(parsed.issues.map((i) => i.path)).toEqual([["line", 3]]);
  });

  it("reads CSV rows of name:value/max cells, after a header, with quotes and ; lists", () => {
    const text =
      'id,skills\r\nana,"C, the language:4/5",SQL:3/5\nbo,JavaScript:9/10; Node.js:7/10\n\ncy,Cooking:x/5,junk\n';
    const parsed = parseCandidates(text);
    expect(parsed.format).toBe("CSV");
    expect(parsed.candidates).toEqual([
      {
        id: "ana",
        skills: [
          { name: "C, the language", level: { value: 4, max: 5 } },
          { name: "SQL", level: { value: 3, max: 5 } },
        ],
      },
      {
        id: "bo",
        skills: [
          { name: "JavaScript", level: { value: 9, max: 10 } },
          { name: "Node.js", level: { value: 7, max: 10 } },
        ],
      },
      { id: "cy", skills: [{ name: "Cooking", level: { value: "x", max: 5 } }, "junk"] },
    ]);
    expect(parsed.lines).toEqual([2, 3, 5]);
  });

  it("splits RFC 4180 fields with doubled quotes", () => {
    expect(splitCsvRows('a,"b ""q"", c"\n')).toEqual([["a", 'b "q", c']]);
  });
});
