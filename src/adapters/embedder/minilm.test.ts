import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  generateTinyMiniLm,
  TINY_HIDDEN,
  TINY_VOCAB,
  tinyTypeRow,
  tinyWordRow,
} from "../../../scripts/gen-tiny-minilm.js";
import type { Embedder } from "../../ports.js";
import { createMiniLmEmbedder } from "./minilm.js";

const FLOAT32_EPS = 2 ** -23;
let root = "";
let modelPath = "";

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "tiny-minilm-"));
  modelPath = await generateTinyMiniLm(join(root, "tiny-minilm"));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The sentence vector computed by hand: mean of (word row + type-0 row) over the tokens, then L2-normalised. */
function expectedRow(tokens: readonly string[]): Float64Array {
  const sum = new Float64Array(TINY_HIDDEN);
  const type0 = tinyTypeRow(0);
  for (const token of tokens) {
    const id = TINY_VOCAB.indexOf(token);
    expect(id, `token ${token} in the tiny vocab`).toBeGreaterThanOrEqual(0);
    const word = tinyWordRow(id);
    for (let h = 0; h < TINY_HIDDEN; h++)
      sum[h] = (sum[h] as number) + (word[h] as number) + (type0[h] as number);
  }
  let sumSq = 0;
  for (let h = 0; h < TINY_HIDDEN; h++) sumSq += ((sum[h] as number) / tokens.length) ** 2;
  const norm = Math.sqrt(sumSq);
  return sum.map((v) => v / tokens.length / norm);
}

function row(rows: Float32Array, i: number, dim: number): number[] {
  return Array.from(rows.subarray(i * dim, (i + 1) * dim));
}

function expectClose(actual: readonly number[], expected: Float64Array): void {
  expect(actual.length).toBe(expected.length);
  for (let h = 0; h < expected.length; h++) {
    expect(Math.abs((actual[h] as number) - (expected[h] as number))).toBeLessThan(8 * FLOAT32_EPS);
  }
}

async function withEmbedder<T>(
  options: { batchSize?: number },
  use: (embedder: Embedder) => Promise<T>,
): Promise<T> {
  const embedder = await createMiniLmEmbedder({ modelPath, modelId: "tiny", ...options });
  try {
    return await use(embedder);
  } finally {
    await embedder.close();
  }
}

describe("createMiniLmEmbedder on the generated tiny model", () => {
  it("reads dim from the model output and stamps the model id", async () => {
    await withEmbedder({}, async (embedder) => {
      expect(embedder.dim).toBe(TINY_HIDDEN);
      expect(embedder.id).toBe("minilm:tiny");
    });
    const quantized = await createMiniLmEmbedder({ modelPath, quantized: true });
    expect(quantized.id).toBe("minilm:tiny-minilm+q8");
    await quantized.close();
  });

  it("returns names.length × dim unit rows, with zero rows for blank names", async () => {
    await withEmbedder({}, async (embedder) => {
      const rows = await embedder.embed(["python", "", "kubectlx", "  ", "c++"]);
      expect(rows.length).toBe(5 * TINY_HIDDEN);
      for (const i of [0, 2, 4]) {
        const norm = Math.hypot(...row(rows, i, TINY_HIDDEN));
        expect(Math.abs(norm - 1)).toBeLessThan(8 * FLOAT32_EPS);
      }
      expect(row(rows, 1, TINY_HIDDEN).every((v) => v === 0)).toBe(true);
      expect(row(rows, 3, TINY_HIDDEN).every((v) => v === 0)).toBe(true);
    });
  });

  it("mean-pools the WordPiece tokens including [CLS] and [SEP], then L2-normalises", async () => {
    await withEmbedder({}, async (embedder) => {
      const rows = await embedder.embed(["JavaScript", "postgres", "kubectlx"]);
      expectClose(row(rows, 0, TINY_HIDDEN), expectedRow(["[CLS]", "java", "##script", "[SEP]"]));
      expectClose(row(rows, 1, TINY_HIDDEN), expectedRow(["[CLS]", "post", "##gres", "[SEP]"]));
      // "##x" is not in the vocab, so WordPiece maps the whole word to [UNK].
      expectClose(row(rows, 2, TINY_HIDDEN), expectedRow(["[CLS]", "[UNK]", "[SEP]"]));
    });
  });

  it("excludes [PAD] positions via the attention mask when names of different lengths share a batch", async () => {
    await withEmbedder({ batchSize: 4 }, async (embedder) => {
      const rows = await embedder.embed(["sql", "machine learning c++", "node.js"]);
      expectClose(row(rows, 0, TINY_HIDDEN), expectedRow(["[CLS]", "sql", "[SEP]"]));
      expectClose(
        row(rows, 1, TINY_HIDDEN),
        expectedRow(["[CLS]", "machine", "learning", "c", "+", "+", "[SEP]"]),
      );
      expectClose(row(rows, 2, TINY_HIDDEN), expectedRow(["[CLS]", "node", ".", "js", "[SEP]"]));
    });
  });

  it("is deterministic across calls, batch compositions, duplicates and instances", async () => {
    const names = ["python", "sql", "python", "docker", "data science"];
    const first = await withEmbedder({}, (embedder) => embedder.embed(names));
    expect(row(first, 2, TINY_HIDDEN)).toEqual(row(first, 0, TINY_HIDDEN));
    await withEmbedder({}, async (embedder) => {
      expect(await embedder.embed(names)).toEqual(first);
      expect(await embedder.embed(["docker"])).toEqual(first.subarray(3 * TINY_HIDDEN, 4 * TINY_HIDDEN));
    });
    const batched = await withEmbedder({ batchSize: 8 }, (embedder) => embedder.embed(names));
    expect(batched).toEqual(first);
  });

  it("returns an empty Float32Array for an empty list", async () => {
    await withEmbedder({}, async (embedder) => {
      const rows = await embedder.embed([]);
      expect(rows).toBeInstanceOf(Float32Array);
      expect(rows.length).toBe(0);
    });
  });

  it("rejects embed with CLOSED after close, and close is idempotent", async () => {
    const embedder = await createMiniLmEmbedder({ modelPath });
    await embedder.close();
    await embedder.close();
    await expect(embedder.embed(["python"])).rejects.toMatchObject({ code: "CLOSED" });
  });

  it("fails with MODEL_UNAVAILABLE naming the directory when no model is there", async () => {
    const missing = join(root, "does-not-exist");
    const error = await createMiniLmEmbedder({ modelPath: missing }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "CompetencyError", code: "MODEL_UNAVAILABLE" });
    expect((error as Error).message).toContain(missing);
    expect((error as Error).cause).toBeDefined();
  });

  it("fails with MODEL_UNAVAILABLE when the directory lacks the ONNX file", async () => {
    const partial = await generateTinyMiniLm(join(root, "partial"));
    await rm(join(partial, "onnx"), { recursive: true });
    await expect(createMiniLmEmbedder({ modelPath: partial })).rejects.toMatchObject({
      code: "MODEL_UNAVAILABLE",
    });
  });

  it("rejects a batchSize that is not a positive integer with INVALID_CONFIG", async () => {
    await expect(createMiniLmEmbedder({ modelPath, batchSize: 0 })).rejects.toMatchObject({
      code: "INVALID_CONFIG",
    });
  });
});
