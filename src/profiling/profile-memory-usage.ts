import { GCProfiler, getHeapStatistics } from "node:v8";
import { CompetencyError } from "../errors.js";
import { measurePeak, type PeakMeasurement, type PeakOptions } from "./measure-peak.js";

export type MemorySnapshot = {
  readonly heapUsed: number;
  readonly arrayBuffers: number;
  readonly external: number;
  readonly rss: number;
};

export type MemoryProfile<T> = {
  readonly name: string;
  /** The result of the last sample (kept alive, so it is counted). */
  readonly result: T;
  readonly before: MemorySnapshot;
  readonly after: MemorySnapshot;
  /**
   * Median over samples of the bytes one call allocates (JS heap + external/ArrayBuffer memory): the growth
   * between GCs summed over the window, so collections inside the call do not hide what they freed.
   */
  readonly allocatedBytes: number;
  /** Smallest sample, in bytes. */
  readonly allocatedBytesMin: number;
  /**
   * Highest live heap above the starting point during the call, in bytes: an upper bound from shifted
   * collections (measurePeak; run with `--min-semi-space-size=1 --max-semi-space-size=1`). For an async
   * `fn`, or with `peak: false`, the coarser bound of the sampled calls' own GC events instead: the median
   * over samples of max(live after a GC + bytes allocated since), equal to allocatedBytes when no GC ran.
   */
  readonly peakBytes: number;
  /** The most peakBytes can exceed the true peak (the bytes between two observed points at the maximum). */
  readonly peakResolutionBytes: number;
  /** Calls measured for the peak (0 when it came from the sampled calls' GC events). */
  readonly peakRuns: number;
  /** Collections that ran inside the measured calls, summed over samples. */
  readonly gcs: number;
  /** Median wall time per call, in milliseconds. */
  readonly durationMs: number;
  /** Samples measured. */
  readonly samples: number;
};

export type ProfileOptions = {
  /** Calls before measuring, so the JIT has tiered up (interpreted code boxes doubles). @default 2000 */
  readonly warmup?: number;
  /** Samples to collect. @default 9 */
  readonly samples?: number;
  /**
   * Shifted collections for the peak (a synchronous `fn`, seen so during warm-up), or false for the GC-event
   * bound. @default {}
   */
  readonly peak?: PeakOptions | false;
};

type Gc = (options?: { type: "minor" | "major" }) => void;

/** Live JS heap plus external (ArrayBuffer) memory, the same two numbers GCProfiler reports per GC. */
function heapNow(): number {
  const h = getHeapStatistics();
  return h.used_heap_size + h.external_memory;
}

function snapshot(): MemorySnapshot {
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, arrayBuffers: m.arrayBuffers, external: m.external, rss: m.rss };
}

/**
 * Waits until heapUsed stops moving: V8 finishes sweeping on background threads after gc(), and sweeping
 * that completed inside a window would lower heapUsed mid-measurement.
 */
async function settle(): Promise<void> {
  let last = -1;
  for (let i = 0; i < 50; i++) {
    const now = heapNow();
    if (now === last) return;
    last = now;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

function isThenable<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] ?? Number.NaN;
}

type HeapStats = { readonly usedHeapSize: number; readonly externalMemory: number };
type GcEvent = {
  readonly beforeGC: { heapStatistics: HeapStats };
  readonly afterGC: { heapStatistics: HeapStats };
};

/**
 * Allocated bytes and peak of one window from its GC events: between two collections nothing is freed, so
 * the growth between events sums to the bytes allocated, and the heap just before each collection (live
 * after the previous one + allocated since) is a candidate for the peak.
 */
export function accountWindow(
  startBytes: number,
  endBytes: number,
  events: readonly GcEvent[],
): { allocated: number; peak: number } {
  const total = (h: HeapStats) => h.usedHeapSize + h.externalMemory;
  let allocated = 0;
  let peak = 0;
  let prev = startBytes;
  for (const e of events) {
    const before = total(e.beforeGC.heapStatistics);
    allocated += Math.max(0, before - prev);
    peak = Math.max(peak, before - startBytes);
    prev = total(e.afterGC.heapStatistics);
  }
  allocated += endBytes - prev;
  return { allocated, peak: Math.max(peak, endBytes - startBytes) };
}

/**
 * The lower of two upper bounds: the shifted collections', and the GC events' of the sampled calls (tighter
 * when too few shifted calls agreed, e.g. when full GCs ran inside them). With the GC-event bound the slack is
 * only known to be below the bound minus the most live bytes a shifted collection saw.
 */
function bestPeak(
  eventBound: number,
  shifted: PeakMeasurement | null,
): { peakBytes: number; resolutionBytes: number; runs: number } {
  if (shifted === null) return { peakBytes: eventBound, resolutionBytes: eventBound, runs: 0 };
  if (shifted.peakBytes <= eventBound) return shifted;
  return {
    peakBytes: eventBound,
    resolutionBytes: Math.max(0, eventBound - shifted.floorBytes),
    runs: shifted.runs,
  };
}

type Samples<T> = {
  sizes: number[];
  peaks: number[];
  times: number[];
  gcs: number;
  result: T | undefined;
  before: MemorySnapshot;
  after: MemorySnapshot;
};

/** Samples of one call each; see profileMemoryUsage. */
async function sample<T>(gc: Gc, fn: () => T | Promise<T>, wanted: number): Promise<Samples<T>> {
  const sizes: number[] = [];
  const peaks: number[] = [];
  const times: number[] = [];
  let gcs = 0;
  let result: T | undefined;
  let before = snapshot();
  let after = before;
  for (let k = 0; k < wanted; k++) {
    gc();
    gc();
    await settle();
    before = snapshot();
    const profiler = new GCProfiler();
    profiler.start();
    const b = heapNow();
    const t0 = performance.now();
    // No await inside the window for synchronous work: promise machinery would add noise.
    const value = fn();
    const r = isThenable(value) ? await value : value;
    const t1 = performance.now();
    const a = heapNow();
    const events = (profiler.stop() as unknown as { statistics: GcEvent[] }).statistics;
    after = snapshot();
    result = r;
    const w = accountWindow(b, a, events);
    gcs += events.length;
    sizes.push(w.allocated);
    peaks.push(w.peak);
    times.push(t1 - t0);
  }
  return { sizes, peaks, times, gcs, result, before, after };
}

/**
 * Measures the memory one call of `fn` allocates and its peak. Method: warm up, then per sample force full
 * GCs, wait for sweeping to settle, start a GCProfiler, read the live heap (JS heap + external), call `fn`
 * once and read again. Collections inside the call are accounted from the profiler's before/after numbers
 * (see accountWindow). The harness's own cost, measured the same way around an empty call, is subtracted.
 * The peak of a synchronous `fn` then comes from measurePeak (shifted collections). Requires
 * `node --expose-gc`.
 */
export async function profileMemoryUsage<T>(
  name: string,
  fn: () => T | Promise<T>,
  options: ProfileOptions = {},
): Promise<MemoryProfile<T>> {
  const gc = (globalThis as { gc?: Gc }).gc;
  if (gc === undefined)
    throw new CompetencyError("INVALID_CONFIG", "profileMemoryUsage needs node --expose-gc");
  const warmup = options.warmup ?? 2000;
  const wanted = options.samples ?? 9;
  let sync = warmup > 0;
  for (let i = 0; i < warmup; i++) {
    const value = fn();
    if (isThenable(value)) {
      sync = false;
      await value;
    }
  }
  const calibration = await sample(gc, () => undefined, wanted);
  const measured = await sample(gc, fn, wanted);
  const overhead = median(calibration.sizes);
  const sizes = measured.sizes.map((x) => x - overhead);
  const peaks = measured.peaks.map((x) => x - overhead);
  const allocatedBytes = median(sizes);
  const peak = bestPeak(
    median(peaks),
    sync && options.peak !== false
      ? measurePeak(gc, fn as () => unknown, allocatedBytes, options.peak)
      : null,
  );
  return {
    name,
    result: measured.result as T,
    before: measured.before,
    after: measured.after,
    allocatedBytes,
    allocatedBytesMin: Math.min(...sizes),
    peakBytes: peak.peakBytes,
    peakResolutionBytes: peak.resolutionBytes,
    peakRuns: peak.runs,
    gcs: measured.gcs,
    durationMs: median(measured.times),
    samples: sizes.length,
  };
}
