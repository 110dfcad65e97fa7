// Run in a child Node with `--expose-gc` (test/profiling/memory-budget.test.ts spawns it): builds the warm match
// pipeline of one dataset with one embedder and prints what one call allocates, as JSON. A process of its own,
// so the match path's type feedback and optimised code come from this dataset and embedder alone, whatever ran
// before it or beside it.
import { homedir } from "node:os";
import { createFakeEmbedder } from "../../../src/adapters/embedder/fake.js";
import { resolveCacheDir } from "../../../src/adapters/embedder/resolve-cache-dir.js";
import { createWordVectorEmbedder } from "../../../src/adapters/embedder/word-vectors/create-word-vector-embedder.js";
import { loadDomainKeywords } from "../../../src/adapters/lexicon/load-domain-keywords.js";
import { loadLexicon } from "../../../src/adapters/lexicon/load-lexicon.js";
import { createOptimizedEngine } from "../../../src/core/engine/optimized-engine.js";
import { createNameTable } from "../../../src/prepare/name-table.js";
import { buildDataset, DATASET_SIZES, type DatasetName } from "../../../src/profiling/build-dataset.js";
import { createMatchPipeline } from "../../../src/profiling/match-phases.js";
import { profileMemoryUsage } from "../../../src/profiling/profile-memory-usage.js";
import { resolveScoringConfig } from "../../../src/scoring-config.js";

const [kind, name] = process.argv.slice(2) as ["fake" | "real", DatasetName];
const size = DATASET_SIZES[name];
if (size === undefined || (kind !== "fake" && kind !== "real"))
  throw new Error(`usage: budget-match.ts fake|real small|medium|large, got ${kind} ${name}`);
const lexicon = loadLexicon();
const config = resolveScoringConfig();
const embedder =
  kind === "fake"
    ? createFakeEmbedder(100)
    : await createWordVectorEmbedder({ cacheDir: resolveCacheDir(process.env, homedir()) });
const pipeline = await createMatchPipeline(
  buildDataset(lexicon, name, size.candidate, size.required),
  createOptimizedEngine({ lexicon, config }),
  createNameTable(lexicon, loadDomainKeywords(), embedder.id, 1_000_000),
  embedder,
  config,
  {
    strategy: "default",
    include: [],
    meta: { engine: "optimized", embedder: embedder.id, lexiconVersion: lexicon.version, configHash: "test" },
  },
);
const p = await profileMemoryUsage(name, pipeline.whole, { warmup: 1000, samples: 5 });
await embedder.close();
process.stdout.write(
  `${JSON.stringify({ allocatedBytes: p.allocatedBytes, peakBytes: p.peakBytes, skillScores: p.result.skillScores.length })}\n`,
);
