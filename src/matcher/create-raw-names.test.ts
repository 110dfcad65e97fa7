import { describe, expect, it } from "vitest";
import { loadDomainKeywords } from "../adapters/lexicon/load-domain-keywords.js";
import { loadLexicon } from "../adapters/lexicon/load-lexicon.js";
import { createNameTable } from "../prepare/name-table.js";
import { createRawNames, type RawName } from "./create-raw-names.js";

const table = () => createNameTable(loadLexicon(), loadDomainKeywords(), "test-model", 1_000);

/** Numbers `raws` as one call does, returning the call's distinct names and each raw name's slot. */
function numberCall(rawNames: ReturnType<typeof createRawNames>, raws: readonly string[]) {
  const stamp = rawNames.nextStamp();
  const names: RawName[] = [];
  const slots = raws.map((raw) => rawNames.slotOf(raw, stamp, names));
  return { names, slots };
}

describe("createRawNames", () => {
  it("gives each distinct raw name of a call one slot, in first-seen order, and the same record every call", () => {
    const rawNames = createRawNames(table(), 100);
    const first = numberCall(rawNames, ["Python", "SQL", "Python", "python", "SQL"]);
    expect(first.slots).toEqual([0, 1, 0, 2, 1]);
    expect(first.names.map((n) => n.raw)).toEqual(["Python", "SQL", "python"]);
    // Raw spellings differ, the interned entry is shared.
    expect(first.names[2]!.entry).toBe(first.names[0]!.entry);
    const second = numberCall(rawNames, ["SQL", "Go", "Python"]);
    expect(second.slots).toEqual([0, 1, 2]);
    expect(second.names[0]).toBe(first.names[1]);
    expect(second.names[2]).toBe(first.names[0]);
  });

  it("keeps every slot pointing at its own name when the table starts over in the middle of a call", () => {
    const rawNames = createRawNames(table(), 3);
    const raws = ["Python", "SQL", "Go", "Rust", "Python", "Go", "Java", "Rust", "SQL"];
    const { names, slots } = numberCall(rawNames, raws);
    raws.forEach((raw, i) => expect(names[slots[i]!]!.raw).toBe(raw));
    // The same call again, now on a table that already started over: still right.
    const again = numberCall(rawNames, raws);
    raws.forEach((raw, i) => expect(again.names[again.slots[i]!]!.raw).toBe(raw));
  });
});
