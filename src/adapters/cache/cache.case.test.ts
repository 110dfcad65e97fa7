import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { EmbeddingCache } from "../../ports.js";
import { createFileCache } from "./file-cache.js";
import { createMemoryLru } from "./memory-lru.js";

const dir = mkdtempSync(join(tmpdir(), "competency-cache-case-"));
let files = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CACHES: ReadonlyArray<[string, (capacity: number) => EmbeddingCache]> = [
  ["memory LRU", (capacity) => createMemoryLru(capacity)],
  ["file cache", (capacity) => createFileCache({ path: join(dir, `cache-${files++}.bin`), capacity })],
];
const row = (x: number): Float32Array => Float32Array.of(x, -x, 0.5);

describe.each(CACHES)("EmbeddingCache contract: %s", (_name, create) => {
  it("returns the row that was set and undefined for an unknown key", () => {
    const cache = create(4);
    const a = row(1);
    cache.set("m\u0000a", a);
    expect(cache.get("m\u0000a")).toEqual(a);
    expect(cache.get("m\u0000b")).toBeUndefined();
    expect(cache.size).toBe(1);
  });

  it("replaces the row of a key that is set again without growing", () => {
    const cache = create(4);
    cache.set("a", row(1));
    cache.set("a", row(2));
    expect(cache.get("a")).toEqual(row(2));
    expect(cache.size).toBe(1);
  });

  it("evicts the least recently used key when full", () => {
    const cache = create(3);
    cache.set("a", row(1));
    cache.set("b", row(2));
    cache.set("c", row(3));
    cache.get("a"); // a becomes most recent, b is now the oldest
    cache.set("d", row(4));
    expect(cache.size).toBe(3);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toEqual(row(1));
    expect(cache.get("c")).toEqual(row(3));
    expect(cache.get("d")).toEqual(row(4));
  });

  it("counts hits and misses of get only", () => {
    const cache = create(2);
    cache.set("a", row(1));
    cache.get("a");
    cache.get("a");
    cache.get("z");
    expect(cache.stats()).toEqual({ hits: 2, misses: 1, size: 1 });
  });

  it("clear empties the cache and resets the counters", () => {
    const cache = create(2);
    cache.set("a", row(1));
    cache.get("a");
    cache.get("b");
    cache.clear();
    expect(cache.size).toBe(0);
    expect(cache.stats()).toEqual({ hits: 0, misses: 0, size: 0 });
    expect(cache.get("a")).toBeUndefined();
  });

  it("rejects a capacity that is not an integer >= 1", () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      expect(() => create(bad)).toThrow(expect.objectContaining({ code: "INVALID_CONFIG" }));
    }
  });
});
