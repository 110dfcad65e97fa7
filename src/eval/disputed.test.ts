import { describe, expect, it } from "vitest";
import { CompetencyError } from "../errors.js";
import { parseDisputed, splitDisputed } from "./disputed.js";
import type { QualityCase } from "./types.js";

const skill = (name: string) => ({ name, level: { value: 3, max: 5 } });
const qcase = (id: string): QualityCase => ({
  id,
  theme: "t",
  note: "a note here",
  required: [skill("A")],
  candidates: [
    { label: "a", skills: [skill("A")], grade: 3 },
    { label: "b", skills: [skill("B")], grade: 0 },
  ],
});

describe("parseDisputed", () => {
  it("accepts an empty list and well-formed entries", () => {
    expect(parseDisputed([])).toEqual([]);
    expect(parseDisputed([{ id: "x-1", reason: "grade order was wrong on reflection" }])).toEqual([
      { id: "x-1", reason: "grade order was wrong on reflection" },
    ]);
  });

  it("rejects a non-array, unknown keys, duplicate ids and short reasons, listing every issue", () => {
    expect(() => parseDisputed({})).toThrow(CompetencyError);
    try {
      parseDisputed(
        [
          { id: "a", reason: "a long enough reason", extra: 1 },
          { id: "a", reason: "a long enough reason" },
          { id: "b", reason: "short" },
          "c",
        ],
        "file.json",
      );
      expect.unreachable();
    } catch (error) {
      const e = error as CompetencyError;
      expect(e.code).toBe("SCHEMA_MISMATCH");
      expect(e.message).toContain("file.json");
      expect(e.issues.map((i) => i.code)).toEqual([
        "unknown_key",
        "unknown_value",
        "invalid_type",
        "invalid_type",
      ]);
    }
  });
});

describe("splitDisputed", () => {
  const cases = [qcase("c1"), qcase("c2"), qcase("c3")];

  it("leaves disputed cases out of the scored list and keeps their reasons", () => {
    const split = splitDisputed(cases, [{ id: "c2", reason: "expected order mistaken" }]);
    expect(split.scored.map((c) => c.id)).toEqual(["c1", "c3"]);
    expect(split.disputed).toEqual([{ id: "c2", reason: "expected order mistaken" }]);
  });

  it("keeps every case when nothing is disputed", () => {
    expect(splitDisputed(cases, []).scored).toHaveLength(3);
  });

  it("rejects a disputed id that names no case", () => {
    expect(() => splitDisputed(cases, [{ id: "nope", reason: "some reason text" }])).toThrow(/nope/);
  });
});
