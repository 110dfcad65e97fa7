import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ProgressEvent } from "../../../matcher-types.js";
import { createWordVectorEmbedder } from "./create-word-vector-embedder.js";
import { BUILD_TASK, REBUILD_TASK, storeFileName } from "./ensure-word-store.js";
import { writeWinkJson } from "./write-wink-json.js";

const dir = mkdtempSync(join(tmpdir(), "competency-ensure-store-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DIM = 4;
const WORDS = ["the", "python", "django", "banana"];
const vectors = Float32Array.from({ length: WORDS.length * DIM }, (_, k) => Math.cos(k * 2.1));

describe("createWordVectorEmbedder store lifecycle", () => {
  const sourcePath = join(dir, "source", "tiny.json");
  const cacheDir = join(dir, "cache", "nested");
  // No package.json beside the source: the version is "unknown".
  const storePath = join(cacheDir, storeFileName("unknown"));

  async function open(): Promise<{ tasks: string[]; rows: Float32Array; id: string }> {
    const events: ProgressEvent[] = [];
    const embedder = await createWordVectorEmbedder({
      cacheDir,
      sourcePath,
      onProgress: (e) => events.push(e),
    });
    const rows = await embedder.embed(["python", "django"]);
    await embedder.close();
    return { tasks: events.filter((e) => e.phase === "start").map((e) => e.task), rows, id: embedder.id };
  }

  it("builds the store on first use, creating the cache directory, and reports progress", async () => {
    mkdirSync(join(dir, "source"));
    writeWinkJson(sourcePath, WORDS, vectors, DIM);
    const first = await open();
    expect(first.tasks).toEqual([BUILD_TASK]);
    expect(first.id).toBe("wink-sg-100d@unknown+q8v2+h2");
    expect(existsSync(storePath)).toBe(true);
    expect(existsSync(`${storePath}.lock`)).toBe(false);
  });

  it("loads the existing store without progress events", async () => {
    expect((await open()).tasks).toEqual([]);
  });

  it("rebuilds a store with a flipped byte, reporting a rebuild, and embeds as before", async () => {
    const before = await open();
    const bytes = readFileSync(storePath);
    bytes[bytes.length - 3] = (bytes[bytes.length - 3] as number) ^ 0xff;
    writeFileSync(storePath, bytes);
    const after = await open();
    expect(after.tasks).toEqual([REBUILD_TASK]);
    expect(after.rows).toEqual(before.rows);
    expect((await open()).tasks).toEqual([]);
  });

  it("rebuilds a truncated store", async () => {
    writeFileSync(storePath, readFileSync(storePath).subarray(0, 100));
    expect((await open()).tasks).toEqual([REBUILD_TASK]);
  });

  it("fails with MODEL_UNAVAILABLE when the store is missing and the source is unreadable", async () => {
    await expect(
      createWordVectorEmbedder({ cacheDir: join(dir, "other"), sourcePath: join(dir, "missing.json") }),
    ).rejects.toMatchObject({ code: "MODEL_UNAVAILABLE" });
  });
});
