import { describe, expect, it } from "vitest";
import { loadDomainKeywords } from "../adapters/lexicon/load-domain-keywords.js";
import { loadLexicon } from "../adapters/lexicon/load-lexicon.js";
import { createNameTable } from "../prepare/name-table.js";
import { createRawNames, NO_HEAD, PENDING, type RawNames } from "./create-raw-names.js";

const table = () => createNameTable(loadLexicon(), loadDomainKeywords(), "test-model", 1_000);

/** The id of `raw`, added on first sight: how resolving names uses the table. */
function idOf(rawNames: RawNames, raw: string): number {
  const id = rawNames.find(raw);
  return id >= 0 ? id : rawNames.add(raw);
}

describe("createRawNames", () => {
  it("gives each raw name one id for as long as the table lasts, with its entry and side fields at that id", () => {
    const rawNames = createRawNames(table(), 100);
    rawNames.begin();
    const first = ["Python", "SQL", "Python", "python", "SQL"].map((raw) => idOf(rawNames, raw));
    expect(first).toEqual([0, 1, 0, 2, 1]);
    const { side, entries } = rawNames;
    expect(side.names.slice(0, 3)).toEqual(["Python", "SQL", "python"]);
    // Raw spellings differ, the interned entry is shared.
    expect(entries[2]).toBe(entries[0]);
    expect(side.norms[0]).toBe("python");
    expect(side.ids[0]).toBe(entries[0]!.id);
    expect(side.lexIndex[1]).toBe(entries[1]!.lexIndex);
    expect(side.rows[0]).toBe(PENDING);
    rawNames.begin();
    expect(["SQL", "Go", "Python"].map((raw) => idOf(rawNames, raw))).toEqual([1, 3, 0]);
    expect(rawNames.side).toBe(side);
  });

  it("marks a name without a head word as having no head row to wait for, and one with a head as pending", () => {
    const rawNames = createRawNames(table(), 100);
    rawNames.begin();
    const plain = idOf(rawNames, "Python");
    const headed = idOf(rawNames, "Advanced project management");
    expect(rawNames.entries[plain]!.headEntry).toBeNull();
    expect(rawNames.side.headRows[plain]).toBe(NO_HEAD);
    expect(rawNames.entries[headed]!.headEntry).not.toBeNull();
    expect(rawNames.side.headRows[headed]).toBe(PENDING);
  });

  it("grows past its first capacity and past its limit within one call, and starts over only at the next", () => {
    const rawNames = createRawNames(table(), 1_500);
    rawNames.begin();
    const raws = Array.from({ length: 3_000 }, (_, i) => `Skill number ${i}`);
    const ids = raws.map((raw) => idOf(rawNames, raw));
    const side = rawNames.side;
    raws.forEach((raw, i) => {
      expect(side.names[ids[i]!]).toBe(raw);
      expect(side.ids[ids[i]!]).toBe(rawNames.entries[ids[i]!]!.id);
    });
    rawNames.begin();
    expect(rawNames.side).not.toBe(side);
    expect(idOf(rawNames, "Skill number 2999")).toBe(0);
    // The old side is untouched, for a call still waiting on it.
    expect(side.names[2_999]).toBe("Skill number 2999");
  });

  it("says first sight once per stamp", () => {
    const rawNames = createRawNames(table(), 100);
    rawNames.begin();
    const id = idOf(rawNames, "Go");
    const a = rawNames.nextStamp();
    expect(rawNames.firstSight(id, a)).toBe(true);
    expect(rawNames.firstSight(id, a)).toBe(false);
    expect(rawNames.firstSight(id, rawNames.nextStamp())).toBe(true);
  });

  it("keeps ids by position for each names array, growing with it, until the table starts over", () => {
    const rawNames = createRawNames(table(), 5);
    rawNames.begin();
    const names = ["Go", "SQL"];
    const first = rawNames.positions(names);
    expect([...first.subarray(0, 2)]).toEqual([-1, -1]);
    first[0] = idOf(rawNames, "Go");
    first[1] = idOf(rawNames, "SQL");
    // The same array: the same ids, also once it has grown (past the kept length, so they are copied).
    expect(rawNames.positions(names)).toBe(first);
    for (let k = 0; k < first.length + 3; k++) names.push(`Skill ${k}`);
    const grown = rawNames.positions(names);
    expect(grown.length).toBeGreaterThanOrEqual(names.length);
    expect([...grown.subarray(0, 3)]).toEqual([first[0], first[1], -1]);
    // Another array with the same names knows nothing yet.
    expect(rawNames.positions(["Go", "SQL"])[0]).toBe(-1);
    // Past the limit, begin starts over: ids change, so every array's positions are forgotten.
    for (const raw of names) idOf(rawNames, raw);
    rawNames.begin();
    expect(rawNames.positions(names)[0]).toBe(-1);
  });
});
