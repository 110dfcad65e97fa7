import type { EngineName } from "../core/types.js";

/** Bumped whenever the results layout changes; readers refuse other versions. */
export const RESULTS_SCHEMA_VERSION = 2;

/** One phase of a warm match (src/profiling/match-phases.ts), measured on its own. */
export type PhaseResult = {
  /** Bytes the phase allocates per match (JS heap + external), harness overhead subtracted. */
  readonly allocatedBytes: number;
  /** Heap allocations per match, counted by the sampling heap profiler at interval 1. */
  readonly allocationCount: number;
  /** Median per-call wall time, in milliseconds. */
  readonly meanMs: number;
};

export type DatasetResult = {
  readonly candidate: number;
  readonly required: number;
  /**
   * Highest live heap above the start during one warm match, in bytes: an upper bound from shifted
   * collections (see docs/memory.md for the method and its accuracy).
   */
  readonly peakBytes: number;
  /** The most peakBytes can exceed the true peak (absent in results written before the shifted method). */
  readonly peakResolutionBytes?: number;
  /** Bytes one warm match allocates (JS heap + external, GCs inside accounted, harness overhead subtracted). */
  readonly allocatedBytes: number;
  /** Heap allocations per match, counted by the sampling heap profiler at interval 1. */
  readonly allocationCount: number;
  /** Median of `timeSamplesMs`: per-call wall time in milliseconds. */
  readonly meanMs: number;
  /** Repeated per-call time samples (each the mean of a ~20 ms batch), for the time gate. */
  readonly timeSamplesMs: readonly number[];
  readonly opsPerSec: number;
  /** Collections seen inside the measured matches (summed over samples). */
  readonly gcs: number;
  /** The match's phases, each measured on its own; their sum is compared with the whole in the reports. */
  readonly phases: Readonly<Record<string, PhaseResult>>;
};

export type GrowthResult = {
  readonly size: number;
  readonly allocatedBytes: number;
  readonly peakBytes: number;
  readonly peakResolutionBytes?: number;
  readonly meanMs: number;
};

export type EnvInfo = {
  readonly node: string;
  readonly v8: string;
  readonly platform: string;
  readonly arch: string;
  readonly cpu: string;
  readonly cores: number;
  readonly memoryBytes: number;
  readonly loadavg: readonly number[];
};

/** `memory_results.json`. */
export type MemoryResults = {
  readonly schemaVersion: number;
  readonly createdAt: string;
  readonly engine: EngineName;
  readonly allocator: "default" | "jemalloc";
  readonly env: EnvInfo;
  readonly datasets: Readonly<Record<string, DatasetResult>>;
  /** Git revision the run measured (`git rev-parse --short HEAD`, "+dirty" with local changes), if known. */
  readonly revision: string;
  readonly growth: readonly GrowthResult[];
  /** Process memory at the end of the run, in bytes (maxRss from process.resourceUsage). */
  readonly process: {
    readonly rss: number;
    readonly maxRss: number;
    readonly external: number;
    readonly arrayBuffers: number;
  };
  readonly topSites: readonly AllocationSite[];
};

export type AllocationSite = { readonly site: string; readonly bytes: number; readonly share: number };
