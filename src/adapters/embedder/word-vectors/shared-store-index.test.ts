import { copyFileSync, mkdtempSync, rmSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWordVectorEmbedder } from "./create-word-vector-embedder.js";
import { storeFileName } from "./ensure-word-store.js";
import { loadStore } from "./load-store.js";
import { resolveWinkSource } from "./resolve-wink-source.js";
import { adoptSharedStoreIndexes, sharedStoreIndexes } from "./shared-store-index.js";

const TEST_CACHE_DIR = process.env.COMPETENCY_CACHE_DIR ?? join(tmpdir(), "competency-api-test-cache");
const dir = mkdtempSync(join(tmpdir(), "competency-shared-index-"));
let path = "";

beforeAll(async () => {
  const embedder = await createWordVectorEmbedder({ cacheDir: TEST_CACHE_DIR }); // builds the store if missing
  await embedder.close();
  const name = storeFileName(resolveWinkSource().sourceVersion);
  path = join(dir, name);
  copyFileSync(join(TEST_CACHE_DIR, name), path);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("shared store index", () => {
  it("reads a file's index once per process while a store of it is open, into shared memory", () => {
    const first = loadStore(path);
    const second = loadStore(path);
    expect(first.blob.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(second.blob.buffer).toBe(first.blob.buffer);
    expect(second.slots.buffer).toBe(first.slots.buffer);
    expect(sharedStoreIndexes().map((s) => s.path)).toContain(path);
    first.close();
    second.close();
    expect(sharedStoreIndexes().map((s) => s.path)).not.toContain(path);
    const third = loadStore(path);
    expect(third.blob.buffer).not.toBe(first.blob.buffer);
    third.close();
  });

  it("reads the file again once it changed", () => {
    const first = loadStore(path);
    utimesSync(path, new Date(2001, 0, 1), new Date(2001, 0, 1));
    const second = loadStore(path);
    expect(second.blob.buffer).not.toBe(first.blob.buffer);
    first.close();
    second.close();
  });

  it("uses an adopted index (a worker's view of its parent's) without reading it", () => {
    const parent = loadStore(path);
    const list = sharedStoreIndexes().filter((s) => s.path === path);
    parent.close();
    adoptSharedStoreIndexes(list);
    const child = loadStore(path);
    expect(child.blob.buffer).toBe(list[0]?.blob.buffer);
    expect(child.count).toBe(parent.count);
    child.close();
  });
});
