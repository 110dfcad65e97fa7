import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateTinyMiniLm } from "../../../scripts/gen-tiny-minilm.js";
import type { Embedder } from "../../ports.js";
import { createFakeEmbedder } from "./fake.js";
import { createMiniLmEmbedder } from "./minilm.js";
import { createWordVectorEmbedder } from "./word-vectors/create-word-vector-embedder.js";

/** Shared with the other real-model tests so the store is built once per machine. */
const TEST_CACHE_DIR = process.env.COMPETENCY_CACHE_DIR ?? join(tmpdir(), "competency-api-test-cache");
const FLOAT32_EPS = 2 ** -23;
let tiny: Promise<string> | undefined;
/** The repo's own tiny BERT-style model, generated once per worker (pid keeps parallel workers apart). */
const tinyMiniLm = () =>
  (tiny ??= generateTinyMiniLm(join(tmpdir(), `competency-api-tiny-minilm-${process.pid}`)));

const EMBEDDERS: ReadonlyArray<[string, () => Promise<Embedder>]> = [
  ["fake (dim 16)", async () => createFakeEmbedder(16)],
  ["fake (dim 3)", async () => createFakeEmbedder(3)],
  ["word vectors", () => createWordVectorEmbedder({ cacheDir: TEST_CACHE_DIR })],
  ["minilm (tiny generated model)", async () => createMiniLmEmbedder({ modelPath: await tinyMiniLm() })],
];
const NAMES = ["python", "machine learning", "c++", "node.js", "kubectlx", "ci/cd", "x", "+++", "python"];

function norm(rows: Float32Array, dim: number, i: number): number {
  let sumSq = 0;
  for (let d = 0; d < dim; d++) sumSq += (rows[i * dim + d] as number) ** 2;
  return Math.sqrt(sumSq);
}

describe.each(EMBEDDERS)("Embedder contract: %s", (_name, create) => {
  it("has a non-empty id and a positive integer dim", async () => {
    const embedder = await create();
    expect(embedder.id.length).toBeGreaterThan(0);
    expect(Number.isInteger(embedder.dim) && embedder.dim > 0).toBe(true);
  });

  it("returns names.length × dim unit rows", async () => {
    const embedder = await create();
    const rows = await embedder.embed(NAMES);
    expect(rows).toBeInstanceOf(Float32Array);
    expect(rows.length).toBe(NAMES.length * embedder.dim);
    for (let i = 0; i < NAMES.length; i++)
      expect(Math.abs(norm(rows, embedder.dim, i) - 1)).toBeLessThan(16 * FLOAT32_EPS);
  });

  it("gives an all-zero row for the empty name only", async () => {
    const embedder = await create();
    const rows = await embedder.embed(["", "a"]);
    expect(norm(rows, embedder.dim, 0)).toBe(0);
    expect(norm(rows, embedder.dim, 1)).toBeGreaterThan(0.99);
  });

  it("gives the same name the same row, within a call and across calls and instances", async () => {
    const embedder = await create();
    const dim = embedder.dim;
    const first = await embedder.embed(NAMES);
    expect(first.subarray(0, dim)).toEqual(first.subarray(8 * dim, 9 * dim));
    expect(await embedder.embed(NAMES)).toEqual(first);
    const alone = await embedder.embed(["node.js"]);
    expect(alone).toEqual(first.subarray(3 * dim, 4 * dim));
    expect(await (await create()).embed(NAMES)).toEqual(first);
  });

  it("returns an empty Float32Array for an empty list", async () => {
    const rows = await (await create()).embed([]);
    expect(rows).toBeInstanceOf(Float32Array);
    expect(rows.length).toBe(0);
  });

  it("rejects embed with CLOSED after close", async () => {
    const embedder = await create();
    await embedder.close();
    await expect(embedder.embed(["python"])).rejects.toMatchObject({ code: "CLOSED" });
  });
});
