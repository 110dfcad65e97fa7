import { loadDomainKeywords } from "../adapters/lexicon/load-domain-keywords.js";
import { loadLexicon } from "../adapters/lexicon/load-lexicon.js";
import type { Engine } from "../core/engine/engine-types.js";
import { createOptimizedEngine } from "../core/engine/optimized-engine.js";
import type { EngineName } from "../core/types.js";
import { createReferenceEngine } from "../oracle/reference-engine.js";
import type { Embedder } from "../ports.js";
import { createNameTable } from "../prepare/name-table.js";
import { resolveScoringConfig } from "../scoring-config.js";
import { buildDataset, DATASET_SIZES, type DatasetName, GROWTH_SIZES } from "./build-dataset.js";
import { collectEnv } from "./collect-env.js";
import { countAllocations, type SamplingHeapProfile, topAllocationSites } from "./heap-sampling.js";
import { createMatchPipeline } from "./match-phases.js";
import { measurePhases, warmupFor } from "./measure-phases.js";
import { profileMemoryUsage } from "./profile-memory-usage.js";
import {
  type DatasetResult,
  type GrowthResult,
  type MemoryResults,
  RESULTS_SCHEMA_VERSION,
} from "./results-types.js";
import { medianOf, timeSamples } from "./time-samples.js";

export type RunMemoryOptions = {
  readonly engine: EngineName;
  readonly datasets: readonly DatasetName[];
  readonly embedder: Embedder;
  readonly allocator: "default" | "jemalloc";
  /** ISO timestamp stamped into the results (the caller owns the clock). */
  readonly createdAt: string;
  /** Git revision of the measured code (the caller runs git). */
  readonly revision: string;
  /** Largest growth size; the reference engine is slow at 1,000 × 500. @default 1000 */
  readonly maxGrowth?: number;
  readonly onStep?: (step: string) => void;
};

/** Shifted collections for a dataset's peak: 1 KiB apart over the match's allocation, at most 256 calls. */
const PEAK = { runs: 256, resolutionBytes: 1024 } as const;
/** The growth series' peaks: fewer calls (its larger matches are slower), so a coarser bound. */
const GROWTH_PEAK = { runs: 48, resolutionBytes: 4096 } as const;

/** The reference engine allocates ~500 MB per match at 1,000 × 500; the series stops at 200 for it. */
const REFERENCE_MAX_GROWTH = 200;

/**
 * Measures an engine the way the workflow's baseline does. Per dataset, for one warm match (validation →
 * name resolution and cached embeddings → pairs → Beta intervals → assembly): bytes allocated, true peak,
 * counted allocations, repeated time samples, and each phase on its own; then the growth series.
 */
export async function runMemory(
  options: RunMemoryOptions,
): Promise<{ results: MemoryResults; profile: SamplingHeapProfile }> {
  const lexicon = loadLexicon();
  const keywords = loadDomainKeywords();
  const config = resolveScoringConfig();
  const context = { lexicon, config };
  const engine: Engine =
    options.engine === "reference" ? createReferenceEngine(context) : createOptimizedEngine(context);
  const meta = {
    engine: options.engine,
    embedder: options.embedder.id,
    lexiconVersion: lexicon.version,
    configHash: "toolkit",
  };
  const scoreOptions = { strategy: "default" as const, include: [] as const, meta };
  // One name table for the engine's lifetime, as in the matcher: its pair memo is keyed by interned ids,
  // and a table per dataset would hand the same ids to different names.
  const names = createNameTable(lexicon, keywords, options.embedder.id, 1_000_000);
  const pipelineFor = (name: string, candidate: number, required: number) =>
    createMatchPipeline(
      buildDataset(lexicon, name, candidate, required),
      engine,
      names,
      options.embedder,
      config,
      scoreOptions,
    );
  const datasets: Record<string, DatasetResult> = {};
  let largestProfile: SamplingHeapProfile | null = null;

  for (const name of options.datasets) {
    options.onStep?.(`dataset ${name}`);
    const size = DATASET_SIZES[name];
    const pipeline = await pipelineFor(name, size.candidate, size.required);
    const run = pipeline.whole;
    const warm = medianOf(timeSamples(run, 3, 20));
    const memory = await profileMemoryUsage(name, run, { warmup: warmupFor(warm), samples: 7, peak: PEAK });
    const calls = Math.max(2, Math.min(50, Math.round(100 / warm)));
    const heap = await countAllocations(run, calls);
    const empty = await countAllocations(() => undefined, calls);
    largestProfile = heap.profile;
    const samples = timeSamples(run, 15, 20);
    const meanMs = medianOf(samples);
    options.onStep?.(`phases ${name}`);
    datasets[name] = {
      candidate: size.candidate,
      required: size.required,
      peakBytes: memory.peakBytes,
      peakResolutionBytes: memory.peakResolutionBytes,
      allocatedBytes: memory.allocatedBytes,
      allocationCount: Math.round(heap.allocationsPerCall - empty.allocationsPerCall),
      meanMs,
      timeSamplesMs: samples,
      opsPerSec: 1000 / meanMs,
      gcs: memory.gcs,
      phases: await measurePhases(pipeline),
    };
  }

  const growth: GrowthResult[] = [];
  const maxGrowth = options.maxGrowth ?? (options.engine === "reference" ? REFERENCE_MAX_GROWTH : 1000);
  for (const size of GROWTH_SIZES) {
    if (size > maxGrowth) break;
    options.onStep?.(`growth ${size}`);
    const run = (await pipelineFor(`growth-${size}`, size, size / 2)).whole;
    const ms = medianOf(timeSamples(run, 3, 20));
    const m = await profileMemoryUsage(`growth-${size}`, run, {
      warmup: warmupFor(ms),
      samples: 3,
      peak: GROWTH_PEAK,
    });
    growth.push({
      size,
      allocatedBytes: m.allocatedBytes,
      peakBytes: m.peakBytes,
      peakResolutionBytes: m.peakResolutionBytes,
      meanMs: medianOf(timeSamples(run, 5, 20)),
    });
  }

  const usage = process.memoryUsage();
  const results: MemoryResults = {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    createdAt: options.createdAt,
    revision: options.revision,
    engine: options.engine,
    allocator: options.allocator,
    env: collectEnv(),
    datasets,
    growth,
    process: {
      rss: usage.rss,
      maxRss: process.resourceUsage().maxRSS * 1024,
      external: usage.external,
      arrayBuffers: usage.arrayBuffers,
    },
    topSites: largestProfile === null ? [] : topAllocationSites(largestProfile, 15),
  };
  const empty: SamplingHeapProfile = {
    head: {
      id: 0,
      selfSize: 0,
      callFrame: { functionName: "", url: "", lineNumber: 0, columnNumber: 0 },
      children: [],
    },
    samples: [],
  };
  return { results, profile: largestProfile ?? empty };
}
