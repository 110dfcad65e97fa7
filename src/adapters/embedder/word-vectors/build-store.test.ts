import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildStore } from "./build-store.js";
import { loadStore, type WordStore } from "./load-store.js";
import { lookupWord } from "./lookup-word.js";
import { storeLayout } from "./store-format.js";
import { writeWinkJson } from "./write-wink-json.js";

const dir = mkdtempSync(join(tmpdir(), "competency-build-store-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DIM = 8;
const WORDS = ["the", "python", "django", "café", '"', "\\", "日本語", "node.js", "c++", "x"];
const vectors = new Float32Array(WORDS.length * DIM);
for (let k = 0; k < vectors.length; k++) vectors[k] = Math.sin(k * 1.7 + 0.3) * (1 + (k % 5));
const encoder = new TextEncoder();

function find(store: WordStore, word: string): number {
  const bytes = encoder.encode(word);
  return lookupWord(store, bytes, bytes.length);
}

/** Every row of a (small) store, read through `row()`. */
function allRows(store: WordStore): Int8Array {
  const out = new Int8Array(store.count * store.dim);
  const one = new Int8Array(store.dim);
  for (let i = 0; i < store.count; i++) {
    store.row(i, one);
    out.set(one, i * store.dim);
  }
  return out;
}

function cosineToSource(store: WordStore, row: number): number {
  const values = new Int8Array(DIM);
  store.row(row, values);
  let dot = 0;
  let sourceSq = 0;
  for (let d = 0; d < DIM; d++) {
    const x = vectors[row * DIM + d] as number;
    dot += x * (values[d] as number) * (store.scales[row] as number);
    sourceSq += x * x;
  }
  return dot / Math.sqrt(sourceSq);
}

async function build(name: string, sourceText?: string): Promise<string> {
  const sourcePath = join(dir, `${name}.json`);
  if (sourceText === undefined) writeWinkJson(sourcePath, WORDS, vectors, DIM);
  else writeFileSync(sourcePath, sourceText);
  const storePath = join(dir, `${name}.bin`);
  await buildStore({ sourcePath, storePath, sourceVersion: "9.9.9-test" });
  return storePath;
}

describe("buildStore + loadStore", () => {
  it("stores every word at its rank with a unit row close to the source vector", async () => {
    const events: string[] = [];
    const sourcePath = join(dir, "events.json");
    writeWinkJson(sourcePath, WORDS, vectors, DIM);
    const storePath = join(dir, "events.bin");
    await buildStore({
      sourcePath,
      storePath,
      sourceVersion: "9.9.9-test",
      onProgress: (e) => events.push(e.phase),
    });
    expect(events[0]).toBe("start");
    expect(events[events.length - 1]).toBe("end");

    const store = loadStore(storePath);
    expect(store).toMatchObject({ dim: DIM, count: WORDS.length, sourceVersion: "9.9.9-test" });
    WORDS.forEach((word, rank) => {
      expect(find(store, word)).toBe(rank);
      expect(cosineToSource(store, rank)).toBeGreaterThan(0.9995);
    });
    expect(find(store, "pytho")).toBe(-1);
    expect(find(store, "")).toBe(-1);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("places vectors by wordIndex even when the source lists them out of order", async () => {
    const text = JSON.stringify({
      size: 3,
      dimensions: 2,
      words: ["a", "b", "c"],
      vectors: { c: [0, 1, 1, 2], a: [1, 0, 1, 0], b: [3, 4, 5, 1] },
    });
    const store = loadStore(await build("shuffled", text));
    expect([find(store, "a"), find(store, "b"), find(store, "c")]).toEqual([0, 1, 2]);
    expect(Array.from(allRows(store))).toEqual([127, 0, 95, 127, 0, 127]);
  });

  it("rejects a malformed or inconsistent source with MODEL_UNAVAILABLE", async () => {
    const bad = [
      '{"size":2,"dimensions":2,"vectors":{"a":[1,0,1,0]}}',
      '{"size":1,"dimensions":2,"vectors":{"a":[1,0,1]}}',
      '{"size":1,"dimensions":2,"vectors":{"a":[1,0,1,7]}}',
      '{"size":1,"dimensions":2,"vectors":{"a":[1,0,1,0]',
    ];
    for (const [k, text] of bad.entries()) {
      await expect(build(`bad-${k}`, text)).rejects.toMatchObject({ code: "MODEL_UNAVAILABLE" });
    }
    await expect(
      buildStore({
        sourcePath: join(dir, "nope.json"),
        storePath: join(dir, "nope.bin"),
        sourceVersion: "x",
      }),
    ).rejects.toMatchObject({ code: "MODEL_UNAVAILABLE" });
  });

  it("detects a flipped byte in the header or index at load, a truncated file and a missing file", async () => {
    const storePath = await build("corrupt");
    const good = readFileSync(storePath);
    expect(await loadStore(storePath).verify()).toBe(true);
    for (const at of [0, 9, 20, 40, 70, good.length - 1]) {
      const flipped = Uint8Array.from(good);
      flipped[at] = (flipped[at] as number) ^ 0x01;
      writeFileSync(storePath, flipped);
      expect(() => loadStore(storePath), `byte ${at}`).toThrow(
        expect.objectContaining({ code: "CACHE_CORRUPT" }),
      );
    }
    // A flipped byte in a row leaves the index intact: the load succeeds and verify() finds it.
    const header = new DataView(good.buffer, good.byteOffset, 64);
    const layout = storeLayout(
      header.getUint32(16, true),
      header.getUint32(12, true),
      header.getUint32(20, true),
      header.getUint32(24, true),
    );
    const rowFlip = Uint8Array.from(good);
    rowFlip[layout.rows] = (rowFlip[layout.rows] as number) ^ 0x01;
    writeFileSync(storePath, rowFlip);
    expect(await loadStore(storePath).verify()).toBe(false);
    writeFileSync(storePath, good.subarray(0, good.length - 1));
    expect(() => loadStore(storePath)).toThrow(expect.objectContaining({ code: "CACHE_CORRUPT" }));
    writeFileSync(storePath, good.subarray(0, 10));
    expect(() => loadStore(storePath)).toThrow(expect.objectContaining({ code: "CACHE_CORRUPT" }));
    expect(() => loadStore(join(dir, "missing.bin"))).toThrow(
      expect.objectContaining({ code: "FILE_NOT_FOUND" }),
    );
  });
});
