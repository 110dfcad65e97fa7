import type { EngineName } from "../core/types.js";

/** Bumped whenever the results layout changes; readers refuse other versions. */
export const RESULTS_SCHEMA_VERSION = 1;

export type DatasetResult = {
  readonly candidate: number;
  readonly required: number;
  /** Highest heap growth inside one GC-free match, in bytes. */
  readonly peakBytes: number;
  /** Bytes one warm match allocates (heapUsed + arrayBuffers, GC-free window, harness overhead subtracted). */
  readonly allocatedBytes: number;
  /** Allocations per match, estimated from the sampling heap profiler. */
  readonly allocationCount: number;
  readonly meanMs: number;
  readonly opsPerSec: number;
};

export type ComponentResult = { readonly allocatedBytes: number; readonly meanMs: number };

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
  readonly components: Readonly<Record<"embedding" | "similarity" | "scoring", ComponentResult>>;
  readonly growth: readonly ({ readonly size: number } & ComponentResult)[];
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
