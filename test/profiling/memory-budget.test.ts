import { homedir } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFakeEmbedder } from "../../src/adapters/embedder/fake.js";
import { resolveCacheDir } from "../../src/adapters/embedder/resolve-cache-dir.js";
import { createWordVectorEmbedder } from "../../src/adapters/embedder/word-vectors/create-word-vector-embedder.js";
import { loadDomainKeywords } from "../../src/adapters/lexicon/load-domain-keywords.js";
import { loadLexicon } from "../../src/adapters/lexicon/load-lexicon.js";
import { createOptimizedEngine } from "../../src/core/engine/optimized-engine.js";
import type { Embedder } from "../../src/ports.js";
import { createNameTable } from "../../src/prepare/name-table.js";
import { buildDataset, DATASET_SIZES, type DatasetName } from "../../src/profiling/build-dataset.js";
import { BUDGETS_MIB } from "../../src/profiling/check-thresholds.js";
import { createMatchPipeline, type MatchPipeline } from "../../src/profiling/match-phases.js";
import { profileMemoryUsage } from "../../src/profiling/profile-memory-usage.js";
import { resolveScoringConfig } from "../../src/scoring-config.js";

// Budgets per warm match of the optimized engine: bytes that must never regress, for the whole warm match
// (validation → resolution → engine → assembly) the reports measure. Small 32 KiB, medium 128 KiB, large
// 256 KiB; CI's `memory check` gates the peak against BUDGETS_MIB (32 / 256 / 256 KiB).
const BUDGET_BYTES: Record<DatasetName, number> = { small: 32 * 1024, medium: 128 * 1024, large: 256 * 1024 };

const lexicon = loadLexicon();
const keywords = loadDomainKeywords();
const config = resolveScoringConfig();

async function pipelines(embedder: Embedder): Promise<Record<DatasetName, MatchPipeline>> {
  const engine = createOptimizedEngine({ lexicon, config });
  const names = createNameTable(lexicon, keywords, embedder.id, 1_000_000);
  const meta = {
    engine: "optimized" as const,
    embedder: embedder.id,
    lexiconVersion: lexicon.version,
    configHash: "test",
  };
  const out: Partial<Record<DatasetName, MatchPipeline>> = {};
  for (const [name, size] of Object.entries(DATASET_SIZES) as [
    DatasetName,
    { candidate: number; required: number },
  ][])
    out[name] = await createMatchPipeline(
      buildDataset(lexicon, name, size.candidate, size.required),
      engine,
      names,
      embedder,
      config,
      { strategy: "default", include: [], meta },
    );
  return out as Record<DatasetName, MatchPipeline>;
}

describe.each([
  ["the fake 100-d embedder", () => Promise.resolve(createFakeEmbedder(100))],
  [
    "the real default embedder",
    () => createWordVectorEmbedder({ cacheDir: resolveCacheDir(process.env, homedir()) }),
  ],
] as const)("optimized engine memory budgets with %s", (_label, make) => {
  let embedder: Embedder;
  let runs: Record<DatasetName, MatchPipeline>;
  beforeAll(async () => {
    embedder = await make();
    runs = await pipelines(embedder);
  });
  afterAll(() => embedder.close());

  it.each(Object.entries(BUDGET_BYTES))(
    "keeps a warm %s match within its budget of %i bytes",
    async (name, budget) => {
      // A warm match allocates the same bytes every time; the harness around it can only add (once in a CI
      // run on a loaded machine, 2× on medium and large, not reproduced in 4 reruns). So a measurement over
      // budget is taken again, at most twice: a real regression is over budget every time.
      const measured: number[] = [];
      let p = await profileMemoryUsage(name, runs[name as DatasetName].whole, { warmup: 1000, samples: 5 });
      measured.push(p.allocatedBytes);
      while (p.allocatedBytes > budget && measured.length < 3) {
        p = await profileMemoryUsage(name, runs[name as DatasetName].whole, { warmup: 1000, samples: 5 });
        measured.push(p.allocatedBytes);
      }
      expect(p.result.skillScores).toHaveLength(DATASET_SIZES[name as DatasetName].required);
      expect(p.allocatedBytes).toBeGreaterThan(0);
      expect(
        p.allocatedBytes,
        `bytes per call, each measurement: ${measured.join(", ")}`,
      ).toBeLessThanOrEqual(budget);
      expect(p.peakBytes).toBeLessThanOrEqual((BUDGETS_MIB[name] as number) * 2 ** 20);
    },
  );

  it("allocates more for large than for medium (bytes follow the number of pairs)", async () => {
    const medium = await profileMemoryUsage("medium", runs.medium.whole, { warmup: 1000, samples: 5 });
    const large = await profileMemoryUsage("large", runs.large.whole, { warmup: 1000, samples: 5 });
    expect(large.allocatedBytes).toBeGreaterThan(medium.allocatedBytes);
  });
});
