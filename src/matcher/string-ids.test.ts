import { describe, expect, it } from "vitest";
import { mulberry32 } from "../profiling/mulberry32.js";
import { createStringIds, seededHash } from "./string-ids.js";

/** Random strings over ASCII, accents, CJK and astral code points, some of them repeated. */
function randomStrings(n: number, seed: number): string[] {
  const random = mulberry32(seed);
  const alphabet = ["a", "b", "Z", " ", "é", "字", "😀", "-", "#", "0"];
  return Array.from({ length: n }, () => {
    const length = Math.floor(random() * 12);
    let s = "";
    for (let i = 0; i < length; i++) s += alphabet[Math.floor(random() * alphabet.length)];
    return s;
  });
}

/** Checks a table against a Map fed the same strings: same ids, dense from 0, and -1 for the rest. */
function agreesWithMap(ids: ReturnType<typeof createStringIds>, strings: readonly string[]): void {
  const map = new Map<string, number>();
  for (const s of strings) {
    // A string built afresh, so that equal content, not the same object, is what finds it.
    const fresh = [...s].join("");
    const known = map.get(fresh);
    const found = ids.find(fresh);
    expect(found).toBe(known ?? -1);
    if (known === undefined) {
      map.set(fresh, map.size);
      expect(ids.push(fresh)).toBe(map.size - 1);
    }
  }
  expect(ids.size).toBe(map.size);
  for (const [s, id] of map) expect(ids.find(s)).toBe(id);
  expect(ids.find("not one of them\u0000")).toBe(-1);
}

describe("createStringIds", () => {
  it("gives dense ids in first-seen order, the same a Map gives, across growth", () => {
    agreesWithMap(createStringIds(), randomStrings(20_000, 7));
  });

  it("stays exact when every string has the same hash: the run fills, the rest overflow to a map", () => {
    const ids = createStringIds(() => 12345);
    agreesWithMap(ids, randomStrings(300, 11));
  });

  it("hashes by content: equal strings hash alike, and a seed changes the hash", () => {
    const a = seededHash(1);
    expect(a("Machine learning")).toBe(a(["Machine", "learning"].join(" ")));
    expect(a("Machine learning")).not.toBe(seededHash(2)("Machine learning"));
    expect(a("ab")).not.toBe(a("ba"));
  });
});
