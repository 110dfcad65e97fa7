import { countAllocations } from "./heap-sampling.js";
import type { MatchPipeline } from "./match-phases.js";
import { profileMemoryUsage } from "./profile-memory-usage.js";
import type { PhaseResult } from "./results-types.js";
import { medianOf, timeSamples } from "./time-samples.js";

/** Warm-up calls for an operation taking `ms`: enough for the JIT to tier up, at most ~1.5 s of work. */
export function warmupFor(ms: number): number {
  return Math.max(3, Math.min(2000, Math.round(1500 / Math.max(ms, 1e-3))));
}

/** Calls counted under the interval-1 heap profiler for an operation taking `ms` (every allocation is seen). */
function countCalls(ms: number): number {
  return Math.max(2, Math.min(50, Math.round(100 / Math.max(ms, 1e-3))));
}

/** Bytes, counted allocations and median time of one call, each measured its own way. */
export async function measureCall(name: string, fn: () => unknown, samples: number): Promise<PhaseResult> {
  const first = timeSamples(fn, 3, 10);
  const ms = medianOf(first);
  const memory = await profileMemoryUsage(name, fn, { warmup: warmupFor(ms), samples, peak: false });
  const calls = countCalls(ms);
  const counted = await countAllocations(fn, calls);
  const empty = await countAllocations(() => undefined, calls);
  return {
    allocatedBytes: memory.allocatedBytes,
    allocationCount: Math.max(0, Math.round(counted.allocationsPerCall - empty.allocationsPerCall)),
    meanMs: medianOf(timeSamples(fn, 9, 10)),
  };
}

/**
 * Each phase of the pipeline measured on its own. `scoring` (the Beta mixture intervals) has no call of its
 * own: it is the engine's numbers with intervals minus those without.
 */
export async function measurePhases(p: MatchPipeline): Promise<Record<string, PhaseResult>> {
  const validation = await measureCall("validation", p.validation, 5);
  const resolution = await measureCall("resolution", p.resolution, 5);
  const pairs = await measureCall("pairs", p.pairs, 5);
  const both = await measureCall("pairs+scoring", p.pairsAndScoring, 5);
  const assembly = await measureCall("assembly", p.assembly, 5);
  const scoring: PhaseResult = {
    allocatedBytes: both.allocatedBytes - pairs.allocatedBytes,
    allocationCount: both.allocationCount - pairs.allocationCount,
    meanMs: both.meanMs - pairs.meanMs,
  };
  return { validation, resolution, pairs, scoring, assembly };
}
