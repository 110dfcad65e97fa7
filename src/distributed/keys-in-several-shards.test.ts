import { describe, expect, it } from "vitest";
import { mulberry32 } from "../profiling/mulberry32.js";
import { idKeyOf, keysInSeveralShards } from "./keys-in-several-shards.js";

/** The obvious definition, with a Map: what the typed-array table must agree with. */
function naive(digests: readonly Uint32Array[]): Set<number> {
  const first = new Map<number, number>();
  const out = new Set<number>();
  digests.forEach((w, s) => {
    for (let k = 0; k + 2 < w.length; k += 3) {
      const key = idKeyOf(w[k] as number, w[k + 1] as number);
      const at = first.get(key);
      if (at === undefined) first.set(key, s);
      else if (at !== s) out.add(key);
    }
  });
  return out;
}

/** Digests of `shards` shards with `per` entries each, drawing hashes from a pool of `distinct` values. */
function digestsOf(seed: number, shards: number, per: number, distinct: number): Uint32Array[] {
  const random = mulberry32(seed);
  const pool = Array.from({ length: distinct }, () => [
    Math.floor(random() * 2 ** 32),
    Math.floor(random() * 2 ** 32),
  ]);
  return Array.from({ length: shards }, () => {
    const w = new Uint32Array(per * 3);
    for (let k = 0; k < per; k++) {
      const [hi, lo] = pool[Math.floor(random() * distinct)] as number[];
      w.set([hi as number, lo as number, k], k * 3);
    }
    return w;
  });
}

describe("keysInSeveralShards", () => {
  it("agrees with a Map on random digests, from all-distinct to heavily repeated", () => {
    for (const [seed, shards, per, distinct] of [
      [1, 5, 200, 100_000],
      [2, 7, 300, 500],
      [3, 3, 1000, 50],
      [4, 1, 400, 100],
      [5, 20, 50, 1000],
    ] as const) {
      const digests = digestsOf(seed, shards, per, distinct);
      expect([...keysInSeveralShards(digests)].sort()).toEqual([...naive(digests)].sort());
    }
  });

  it("ignores a key repeated inside one shard, and compares only the 53 bits idKeyOf keeps", () => {
    const same = new Uint32Array([7, 9, 0, 7, 9, 1]);
    expect(keysInSeveralShards([same]).size).toBe(0);
    // High words that differ only above bit 21 are the same key, as in idKeyOf.
    const a = new Uint32Array([0x00200005, 9, 0]);
    const b = new Uint32Array([0x00000005, 9, 0]);
    expect([...keysInSeveralShards([a, b])]).toEqual([idKeyOf(5, 9)]);
  });

  it("handles no digests and empty digests", () => {
    expect(keysInSeveralShards([]).size).toBe(0);
    expect(keysInSeveralShards([new Uint32Array(0), new Uint32Array(0)]).size).toBe(0);
  });
});
