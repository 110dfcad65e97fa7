import { describe, expect, it } from "vitest";
import { skillsOfColumn } from "../validate/validate-candidate-columns.js";
import { checkRankLine } from "./check-rank-line.js";
import { createRunNames, parseRankLines } from "./parse-rank-lines.js";

const texts = [
  '{"id":"a","skills":[{"name":"Go","level":{"value":2,"max":5}},{"name":"SQL","level":{"value":1,"max":4}}]}',
  '{"id":"b","skills":[',
  '{"id":"e","skills":[{"name":"SQL","level":{"value":3,"max":3}}]}',
  '{"id":"c","skills":[{"name":"Go","level":{"value":9,"max":5}}]}',
  '{"id":"d","skills":[{"name":"Rust","level":{"value":0.5,"max":1}},{"name":"Go","level":{"value":5,"max":5}}]}',
];
const lines = texts.map((text, k) => ({ lineNo: 10 + 2 * k, text }));

describe("parseRankLines", () => {
  const parsed = parseRankLines(lines, new Map());

  it("keeps each line's id, and null for a bad line, as checkRankLine does", () => {
    expect(parsed.ids).toEqual(
      lines.map((l) => {
        const c = checkRankLine(l);
        return c.ok ? c.id : null;
      }),
    );
    expect(parsed.ids).toEqual(["a", null, "e", null, "d"]);
    expect([...parsed.lineNos]).toEqual([10, 12, 14, 16, 18]);
  });

  it("reports bad lines with checkRankLine's errors, in line order", () => {
    const expected = lines.flatMap((l) => {
      const c = checkRankLine(l);
      return c.ok ? [] : [{ lineNo: l.lineNo, error: c.error }];
    });
    expect(parsed.errors).toEqual(expected);
  });

  it("lays the good lines out as columns that give back checkRankLine's skills, names once each", () => {
    expect([...parsed.positions]).toEqual([0, 2, 4]);
    expect(parsed.columns.ids).toEqual(["0", "1", "2"]);
    expect(parsed.columns.names).toEqual(["Go", "SQL", "Rust"]);
    parsed.positions.forEach((line, j) => {
      expect(skillsOfColumn(parsed.columns, j)).toEqual(
        (checkRankLine(lines[line]!) as { skills: unknown }).skills,
      );
    });
  });

  it("reports a line that reuses an earlier line's id, in this chunk or an earlier one, and leaves it out", () => {
    const seen = new Map<string, number>();
    parseRankLines([lines[0]!], seen);
    const again = parseRankLines(
      [lines[4]!, { lineNo: 30, text: lines[0]!.text }, { ...lines[4]!, lineNo: 31 }],
      seen,
    );
    expect(again.ids).toEqual(["d", null, null]);
    expect(again.errors.map((e) => [e.lineNo, e.error.message])).toEqual([
      [30, expect.stringMatching(/^line 30: id: .*"a".*line 10/)],
      [31, expect.stringMatching(/^line 31: id: .*"d".*line 18/)],
    ]);
    expect(again.columns.ids).toEqual(["0"]);
  });

  it("grows its columns past their first guess (16 skills per line)", () => {
    const skills = Array.from({ length: 40 }, (_, k) => ({ name: `S${k}`, level: { value: 1, max: 2 } }));
    const many = parseRankLines([{ lineNo: 1, text: JSON.stringify({ id: "x", skills }) }], new Map());
    expect(skillsOfColumn(many.columns, 0)).toEqual(skills);
  });

  it("with a run's names, lists only the chunk's new names, and the scoring side rebuilds the run's", () => {
    const runNames = new Map<string, number>();
    const rebuild = createRunNames();
    const a = parseRankLines(lines.slice(0, 3), new Map(), runNames);
    expect(a.firstName).toBe(0);
    expect(a.columns.names).toEqual(["Go", "SQL"]);
    const b = parseRankLines(lines.slice(3), new Map(), runNames);
    // Only Rust is new; Go keeps the run's position 0.
    expect(b.firstName).toBe(2);
    expect(b.columns.names).toEqual(["Rust"]);
    const ra = rebuild(a);
    const rb = rebuild(b);
    // One array for the whole run, holding every name so far, so every chunk's positions hold.
    expect(rb.columns.names).toBe(ra.columns.names);
    expect(rb.columns.names).toEqual(["Go", "SQL", "Rust"]);
    rb.positions.forEach((line, j) => {
      expect(skillsOfColumn(rb.columns, j)).toEqual(
        (checkRankLine(lines.slice(3)[line]!) as { skills: unknown }).skills,
      );
    });
    // A run that starts over (the reader's names were cleared) gets a new array.
    runNames.clear();
    const c = rebuild(parseRankLines(lines.slice(4), new Map(), runNames));
    expect(c.columns.names).toEqual(["Rust", "Go"]);
    expect(c.columns.names).not.toBe(ra.columns.names);
    // Chunks parsed without a run's names pass through unchanged.
    expect(rebuild(parsed)).toBe(parsed);
  });

  it("refuses a chunk whose names do not follow the names before it", () => {
    const rebuild = createRunNames();
    const runNames = new Map<string, number>();
    parseRankLines(lines.slice(0, 1), new Map(), runNames);
    const skipped = parseRankLines(lines.slice(4), new Map(), runNames);
    expect(() => rebuild(skipped)).toThrow(/start at 2, but 0 came before/);
  });
});
