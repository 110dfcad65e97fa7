import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createFileCache } from "./file-cache.js";

const dir = mkdtempSync(join(tmpdir(), "competency-file-cache-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("createFileCache", () => {
  it("starts empty when the file does not exist", () => {
    const cache = createFileCache({ path: join(dir, "missing.bin"), capacity: 4 });
    expect(cache.size).toBe(0);
  });

  it("reloads flushed rows bit for bit, with unicode keys, and keeps recency order", async () => {
    const path = join(dir, "round-trip.bin");
    const cache = createFileCache({ path, capacity: 3 });
    cache.set("wink\u0000c++", Float32Array.of(0.1, -0.2, Math.PI));
    cache.set("wink\u0000café", Float32Array.of(1, 0, 0));
    cache.set("wink\u0000empty", new Float32Array(0));
    cache.get("wink\u0000c++");
    await cache.flush();
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);

    const again = createFileCache({ path, capacity: 3 });
    expect(again.size).toBe(3);
    expect(again.stats()).toEqual({ hits: 0, misses: 0, size: 3 });
    expect(again.get("wink\u0000c++")).toEqual(Float32Array.of(0.1, -0.2, Math.PI));
    expect(again.get("wink\u0000empty")).toEqual(new Float32Array(0));
    // "café" was least recently used before the flush and still is: it goes first.
    again.set("new", Float32Array.of(2));
    expect(again.get("wink\u0000café")).toBeUndefined();
  });

  it("keeps only the most recent rows when reloaded with a smaller capacity", async () => {
    const path = join(dir, "shrink.bin");
    const cache = createFileCache({ path, capacity: 3 });
    for (const key of ["a", "b", "c"]) cache.set(key, Float32Array.of(1));
    await cache.flush();
    const small = createFileCache({ path, capacity: 2 });
    expect(small.get("a")).toBeUndefined();
    expect(small.get("c")).toEqual(Float32Array.of(1));
  });

  it("rejects a file with a flipped byte or a truncated file with CACHE_CORRUPT", async () => {
    const path = join(dir, "corrupt.bin");
    const cache = createFileCache({ path, capacity: 2 });
    cache.set("a", Float32Array.of(1, 2, 3));
    await cache.flush();
    const good = readFileSync(path);
    const flipped = Uint8Array.from(good);
    flipped[flipped.length - 2] = (flipped[flipped.length - 2] as number) ^ 0x40;
    writeFileSync(path, flipped);
    expect(() => createFileCache({ path, capacity: 2 })).toThrow(
      expect.objectContaining({ code: "CACHE_CORRUPT" }),
    );
    writeFileSync(path, good.subarray(0, good.length - 3));
    expect(() => createFileCache({ path, capacity: 2 })).toThrow(
      expect.objectContaining({ code: "CACHE_CORRUPT" }),
    );
    expect(existsSync(path)).toBe(true);
  });
});
