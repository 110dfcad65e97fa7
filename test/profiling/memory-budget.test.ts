import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFakeEmbedder } from "../../src/adapters/embedder/fake.js";
import { loadDomainKeywords } from "../../src/adapters/lexicon/load-domain-keywords.js";
import { loadLexicon } from "../../src/adapters/lexicon/load-lexicon.js";
import type { EngineInput } from "../../src/core/engine/engine-types.js";
import { createOptimizedEngine } from "../../src/core/engine/optimized-engine.js";
import { buildDataset, DATASET_SIZES } from "../../src/profiling/build-dataset.js";
import { prepareDataset } from "../../src/profiling/prepare-dataset.js";
import { profileMemoryUsage } from "../../src/profiling/profile-memory-usage.js";
import { resolveScoringConfig } from "../../src/scoring-config.js";

// Budgets per warm match of the optimized engine (SPEC §6): bytes that must never regress. Measured with
// the toolkit's harness (GC-free windows); the dims match the real model so typed arrays are the real size.
const BUDGET_BYTES = { small: 32 * 1024, medium: 128 * 1024, large: 256 * 1024 };

const lexicon = loadLexicon();
const engine = createOptimizedEngine({ lexicon, config: resolveScoringConfig() });
const embedder = createFakeEmbedder(100);
const inputs: Partial<Record<keyof typeof BUDGET_BYTES, EngineInput>> = {};
const meta = {
  engine: "optimized" as const,
  embedder: embedder.id,
  lexiconVersion: lexicon.version,
  configHash: "test",
};

beforeAll(async () => {
  for (const [name, size] of Object.entries(DATASET_SIZES)) {
    inputs[name as keyof typeof BUDGET_BYTES] = await prepareDataset(
      buildDataset(lexicon, name, size.candidate, size.required),
      embedder,
      lexicon,
      loadDomainKeywords(),
    );
  }
});
afterAll(() => embedder.close());

describe("optimized engine memory budgets", () => {
  it.each(Object.entries(BUDGET_BYTES))(
    "keeps a warm %s match within its budget of %i bytes",
    async (name, budget) => {
      const input = inputs[name as keyof typeof BUDGET_BYTES] as EngineInput;
      const p = await profileMemoryUsage(
        name,
        () => engine.score(input, { strategy: "default", include: [], meta }),
        { warmup: 2000, samples: 5 },
      );
      expect(p.result.skillScores).toHaveLength(input.required.names.length);
      expect(p.allocatedBytes).toBeGreaterThan(0);
      expect(p.allocatedBytes).toBeLessThanOrEqual(budget);
    },
  );
});
