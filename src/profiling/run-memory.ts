import { loadDomainKeywords } from "../adapters/lexicon/load-domain-keywords.js";
import { loadLexicon } from "../adapters/lexicon/load-lexicon.js";
import type { Engine } from "../core/engine/engine-types.js";
import { createOptimizedEngine } from "../core/engine/optimized-engine.js";
import type { EngineName } from "../core/types.js";
import { createReferenceEngine } from "../oracle/reference-engine.js";
import type { Embedder } from "../ports.js";
import { resolveScoringConfig } from "../scoring-config.js";
import { buildDataset, DATASET_SIZES, type DatasetName, GROWTH_SIZES } from "./build-dataset.js";
import { collectEnv } from "./collect-env.js";
import { type SamplingHeapProfile, sampleHeap, topAllocationSites } from "./heap-sampling.js";
import { prepareDataset } from "./prepare-dataset.js";
import { profileMemoryUsage } from "./profile-memory-usage.js";
import {
  type ComponentResult,
  type DatasetResult,
  type MemoryResults,
  RESULTS_SCHEMA_VERSION,
} from "./results-types.js";
import { timePerCall } from "./time-per-call.js";

export type RunMemoryOptions = {
  readonly engine: EngineName;
  readonly datasets: readonly DatasetName[];
  readonly embedder: Embedder;
  readonly allocator: "default" | "jemalloc";
  /** ISO timestamp stamped into the results (the caller owns the clock). */
  readonly createdAt: string;
  /** Largest growth size; the reference engine is slow at 1,000 × 500. @default 1000 */
  readonly maxGrowth?: number;
  readonly onStep?: (step: string) => void;
};

/** The reference engine allocates ~500 MB per match at 1,000 × 500: no GC-free window exists past 200. */
const REFERENCE_MAX_GROWTH = 200;

/** Warm-up calls for an operation taking `ms`: enough for the JIT to tier up, at most ~1.5 s of work. */
function warmupFor(ms: number): number {
  return Math.max(3, Math.min(2000, Math.round(1500 / Math.max(ms, 1e-3))));
}

/**
 * Measures an engine the way the workflow's baseline does: per dataset the bytes one warm match allocates
 * (embeddings cached), its peak, an allocation-count estimate and its speed; components (embedding,
 * similarity + evidence, full scoring with intervals and explanations); and the growth series.
 */
export async function runMemory(
  options: RunMemoryOptions,
): Promise<{ results: MemoryResults; profile: SamplingHeapProfile }> {
  const lexicon = loadLexicon();
  const keywords = loadDomainKeywords();
  const context = { lexicon, config: resolveScoringConfig() };
  const engine: Engine =
    options.engine === "reference" ? createReferenceEngine(context) : createOptimizedEngine(context);
  const meta = {
    engine: options.engine,
    embedder: options.embedder.id,
    lexiconVersion: lexicon.version,
    configHash: "toolkit",
  };
  const scoreOptions = { strategy: "default" as const, include: [] as const, meta };
  const datasets: Record<string, DatasetResult> = {};
  let largestProfile: SamplingHeapProfile | null = null;

  for (const name of options.datasets) {
    options.onStep?.(`dataset ${name}`);
    const size = DATASET_SIZES[name];
    const input = await prepareDataset(
      buildDataset(lexicon, name, size.candidate, size.required),
      options.embedder,
      lexicon,
      keywords,
    );
    const run = () => engine.score(input, scoreOptions);
    const meanMs = timePerCall(run, 300);
    const memory = await profileMemoryUsage(name, run, { warmup: warmupFor(meanMs), samples: 7 });
    const heap = await sampleHeap(run, Math.max(3, Math.min(200, Math.round(300 / meanMs))));
    largestProfile = heap.profile;
    datasets[name] = {
      candidate: size.candidate,
      required: size.required,
      peakBytes: memory.peakBytes,
      allocatedBytes: memory.allocatedBytes,
      allocationCount: Math.round(heap.allocationsPerCall),
      meanMs,
      opsPerSec: 1000 / meanMs,
    };
  }

  options.onStep?.("components");
  const large = await prepareDataset(
    buildDataset(lexicon, "large", 100, 50),
    options.embedder,
    lexicon,
    keywords,
  );
  const norms = [...large.candidate.norms, ...large.required.norms];
  const embedding = await profileMemoryUsage("embedding", () => options.embedder.embed(norms), {
    warmup: 5,
    samples: 5,
  });
  const embedStart = performance.now();
  for (let i = 0; i < 10; i++) await options.embedder.embed(norms);
  const embedMs = (performance.now() - embedStart) / 10;
  const component = async (name: string, fn: () => unknown): Promise<ComponentResult> => {
    const meanMs = timePerCall(fn, 300);
    const m = await profileMemoryUsage(name, fn, { warmup: warmupFor(meanMs), samples: 5 });
    return { allocatedBytes: m.allocatedBytes, meanMs };
  };
  const components = {
    embedding: { allocatedBytes: embedding.allocatedBytes, meanMs: embedMs },
    similarity: await component("similarity", () => engine.overall(large, "default")),
    scoring: await component("scoring", () => engine.score(large, scoreOptions)),
  };

  const growth: ({ size: number } & ComponentResult)[] = [];
  for (const size of GROWTH_SIZES) {
    if (size > (options.maxGrowth ?? (options.engine === "reference" ? REFERENCE_MAX_GROWTH : 1000))) break;
    options.onStep?.(`growth ${size}`);
    const input = await prepareDataset(
      buildDataset(lexicon, `growth-${size}`, size, size / 2),
      options.embedder,
      lexicon,
      keywords,
    );
    growth.push({ size, ...(await component(`growth-${size}`, () => engine.score(input, scoreOptions))) });
  }

  const usage = process.memoryUsage();
  const results: MemoryResults = {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    createdAt: options.createdAt,
    engine: options.engine,
    allocator: options.allocator,
    env: collectEnv(),
    datasets,
    components,
    growth,
    process: {
      rss: usage.rss,
      maxRss: process.resourceUsage().maxRSS * 1024,
      external: usage.external,
      arrayBuffers: usage.arrayBuffers,
    },
    topSites: largestProfile === null ? [] : topAllocationSites(largestProfile, 15),
  };
  return {
    results,
    profile: largestProfile ?? {
      head: {
        id: 0,
        selfSize: 0,
        callFrame: { functionName: "", url: "", lineNumber: 0, columnNumber: 0 },
        children: [],
      },
      samples: [],
    },
  };
}
