import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { createSharedEmbeddingCacheBuffers, openSharedEmbeddingCache } from "./shared-embedding-cache.js";

const row = (x: number): Float32Array => Float32Array.of(x, -x, 0.5);

describe("shared embedding cache", () => {
  it("returns the row that was set, by key, and undefined for an unknown key", () => {
    const cache = openSharedEmbeddingCache(createSharedEmbeddingCacheBuffers(4, 3));
    cache.set("m\u0000a", row(1));
    cache.set("m\u0000é", row(2));
    expect(cache.get("m\u0000a")).toEqual(row(1));
    expect(cache.get("m\u0000é")).toEqual(row(2));
    expect(cache.get("m\u0000b")).toBeUndefined();
    expect(cache.stats()).toEqual({ hits: 2, misses: 1, size: 2 });
  });

  it("keeps the first row of a key, and nothing more once full", () => {
    const cache = openSharedEmbeddingCache(createSharedEmbeddingCacheBuffers(2, 3));
    cache.set("a", row(1));
    cache.set("a", row(9));
    cache.set("b", row(2));
    cache.set("c", row(3));
    expect(cache.size).toBe(2);
    expect(cache.get("a")).toEqual(row(1));
    expect(cache.get("c")).toBeUndefined();
  });

  it("set returns the row it holds in shared memory (the first one of a key), or undefined once full", () => {
    const buffers = createSharedEmbeddingCacheBuffers(2, 3);
    const cache = openSharedEmbeddingCache(buffers);
    const kept = cache.set("a", row(1));
    expect(kept).toEqual(row(1));
    expect((kept as Float32Array).buffer).toBe(buffers.rows);
    expect(cache.set("a", row(9))).toEqual(row(1));
    cache.set("b", row(2));
    expect(cache.set("c", row(3))).toBeUndefined();
    expect(cache.stats()).toEqual({ hits: 0, misses: 0, size: 2 });
  });

  it("rejects rows of another length than the first, and clear", () => {
    const cache = openSharedEmbeddingCache(createSharedEmbeddingCacheBuffers(4, 8));
    cache.set("a", row(1));
    expect(() => cache.set("b", Float32Array.of(1, 2))).toThrow(/3 floats/);
    expect(() => cache.clear()).toThrow(/cannot be cleared/);
  });

  it("is one cache across threads: concurrent sets keep one entry per key, readable from every thread", async () => {
    const keys = 20_000;
    const buffers = createSharedEmbeddingCacheBuffers(keys, 3);
    const cache = openSharedEmbeddingCache(buffers);
    const worker = new Worker(new URL("../../../test/helpers/shared-cache-worker.mjs", import.meta.url), {
      workerData: { buffers, keys },
    });
    const messages: unknown[] = [];
    const done = new Promise<void>((resolve, reject) => {
      worker.on("message", (m) => {
        messages.push(m);
        if (messages.length === 2) resolve();
      });
      worker.once("error", reject);
    });
    await new Promise<void>((resolve) => worker.once("message", () => resolve()));
    for (let k = keys - 1; k >= 0; k -= 2) cache.set(`k${k}`, row(k)); // meanwhile, from the other end
    await done;
    await worker.terminate();
    expect(cache.size).toBe(keys);
    for (let k = 0; k < keys; k++) expect(cache.get(`k${k}`)).toEqual(row(k));
  });
});
