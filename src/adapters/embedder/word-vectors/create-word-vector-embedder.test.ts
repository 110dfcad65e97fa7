import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Embedder } from "../../../ports.js";
import { loadLexicon } from "../../lexicon/load-lexicon.js";
import { createWordVectorEmbedder } from "./create-word-vector-embedder.js";
import { storeFileName } from "./ensure-word-store.js";
import { loadStore } from "./load-store.js";
import { resolveWinkSource } from "./resolve-wink-source.js";

// The real model: built once into this directory (about 4 s and 140 MB peak the first time), then reused.
const TEST_CACHE_DIR = process.env.COMPETENCY_CACHE_DIR ?? join(tmpdir(), "competency-api-test-cache");

let embedder: Embedder;
beforeAll(async () => {
  embedder = await createWordVectorEmbedder({ cacheDir: TEST_CACHE_DIR });
});

async function cosine(a: string, b: string): Promise<number> {
  const rows = await embedder.embed([a, b]);
  const dim = embedder.dim;
  let dot = 0;
  for (let d = 0; d < dim; d++) dot += (rows[d] as number) * (rows[dim + d] as number);
  return dot;
}

describe("createWordVectorEmbedder on the wink model", () => {
  it("is the 100-d wink model, stamped with source and store format versions", () => {
    expect(embedder.dim).toBe(100);
    expect(embedder.id).toMatch(/^wink-sg-100d@\d+\.\d+\.\d+\+q8v2\+h2$/);
  });

  it("puts python closer to django than to accounting", async () => {
    expect(await cosine("python", "django")).toBeGreaterThan(await cosine("python", "accounting"));
  });

  it("pools multi-word names: machine learning is closer to deep learning than to accounting", async () => {
    expect(await cosine("machine learning", "deep learning")).toBeGreaterThan(
      await cosine("machine learning", "accounting"),
    );
  });

  it("gives an unknown word a unit vector from its n-grams, close to a near-spelling", async () => {
    const rows = await embedder.embed(["kubectlx"]);
    let sumSq = 0;
    for (const x of rows) sumSq += x * x;
    expect(Math.sqrt(sumSq)).toBeCloseTo(1, 6);
    expect(await cosine("kubectlx", "kubectly")).toBeGreaterThan(await cosine("kubectlx", "banana"));
    expect(await cosine("kubectlx", "kubectly")).toBeGreaterThan(0.5);
  });

  it("weights rare words above stop words (SIF)", async () => {
    expect(await cosine("the python", "python")).toBeGreaterThan(await cosine("the python", "the"));
  });

  it("falls back to known parts of compound tokens", async () => {
    expect(await cosine("node.js", "node")).toBeGreaterThan(0.99);
    expect(await cosine("ci/cd", "ci cd")).toBeGreaterThan(0.99);
  });

  it("embeds every name the same whatever passed through its row cache before", async () => {
    // Every lexicon name, in order and in reverse: thousands of distinct known words share the 4,096 slots of
    // the row cache, so the two orders leave different words in each slot when a name is embedded.
    const names = loadLexicon().names;
    const forward = await createWordVectorEmbedder({ cacheDir: TEST_CACHE_DIR });
    const backward = await createWordVectorEmbedder({ cacheDir: TEST_CACHE_DIR });
    try {
      const dim = forward.dim;
      const a = await forward.embed(names);
      const b = await backward.embed([...names].reverse());
      for (let k = 0; k < names.length; k++) {
        const j = names.length - 1 - k;
        expect(a.subarray(k * dim, (k + 1) * dim)).toEqual(b.subarray(j * dim, (j + 1) * dim));
      }
    } finally {
      await forward.close();
      await backward.close();
    }
  });

  it("keeps symbol-bearing names apart from their letters", async () => {
    expect(await cosine("c++", "c#")).toBeLessThan(0.9);
  });
});

describe("the real store's integrity check", () => {
  const dir = mkdtempSync(join(tmpdir(), "competency-real-store-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("detects a flipped byte in a row (in the background check) and a truncated file (at load)", async () => {
    const name = storeFileName(resolveWinkSource().sourceVersion);
    const copy = join(dir, name);
    copyFileSync(join(TEST_CACHE_DIR, name), copy);
    expect(loadStore(copy).count).toBe(341_479);
    const bytes = readFileSync(copy);
    const at = Math.floor(bytes.length * 0.6);
    bytes[at] = (bytes[at] as number) ^ 0x10;
    writeFileSync(copy, bytes);
    const store = loadStore(copy);
    expect(await store.verify()).toBe(false);
    store.close();
    bytes[at] = (bytes[at] as number) ^ 0x10;
    writeFileSync(copy, bytes.subarray(0, bytes.length - 4096));
    expect(() => loadStore(copy)).toThrow(expect.objectContaining({ code: "CACHE_CORRUPT" }));
  });
});
