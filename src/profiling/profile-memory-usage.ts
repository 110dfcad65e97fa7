import { PerformanceObserver } from "node:perf_hooks";
import { CompetencyError } from "../errors.js";

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
  /** Median over GC-free samples of the growth in heapUsed + arrayBuffers across one call, in bytes. */
  readonly allocatedBytes: number;
  /** Smallest GC-free sample, in bytes. */
  readonly allocatedBytesMin: number;
  /** Highest heapUsed + arrayBuffers above the starting point seen in a GC-free window (= allocatedBytes: nothing is freed without GC). */
  readonly peakBytes: number;
  /** Median wall time per call, in milliseconds. */
  readonly durationMs: number;
  /** GC-free samples measured. */
  readonly samples: number;
  /** Samples discarded because a GC ran inside the window. */
  readonly discarded: number;
};

export type ProfileOptions = {
  /** Calls before measuring, so the JIT has tiered up (interpreted code boxes doubles). @default 2000 */
  readonly warmup?: number;
  /** GC-free samples to collect. @default 9 */
  readonly samples?: number;
};

type Gc = () => void;

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
    const now = process.memoryUsage().heapUsed;
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

type Samples<T> = {
  sizes: number[];
  times: number[];
  discarded: number;
  result: T | undefined;
  before: MemorySnapshot;
  after: MemorySnapshot;
};

/** GC-free samples of one call each; see profileMemoryUsage. */
async function sample<T>(gc: Gc, fn: () => T | Promise<T>, wanted: number): Promise<Samples<T>> {
  // GC entries arrive asynchronously, so each is matched to a window by its start time afterwards.
  const gcStarts: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcStarts.push(entry.startTime);
  });
  observer.observe({ entryTypes: ["gc"] });
  const sizes: number[] = [];
  const times: number[] = [];
  let discarded = 0;
  let result: T | undefined;
  let before = snapshot();
  let after = before;
  try {
    for (let attempt = 0; sizes.length < wanted && attempt < wanted * 10; attempt++) {
      gc();
      gc();
      await settle();
      const b = snapshot();
      const t0 = performance.now();
      // No await inside the window for synchronous work: promise machinery would add noise.
      const value = fn();
      const r = isThenable(value) ? await value : value;
      const t1 = performance.now();
      const a = snapshot();
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (gcStarts.some((start) => start >= t0 && start <= t1)) {
        discarded++;
        continue;
      }
      result = r;
      before = b;
      after = a;
      sizes.push(a.heapUsed + a.arrayBuffers - (b.heapUsed + b.arrayBuffers));
      times.push(t1 - t0);
    }
  } finally {
    observer.disconnect();
  }
  return { sizes, times, discarded, result, before, after };
}

/**
 * Measures the memory one call of `fn` allocates. Method: warm up, then per sample force full GCs, read
 * heapUsed + arrayBuffers, call `fn` once, read again. A PerformanceObserver on 'gc' entries tells whether
 * a collection ran inside the window; such samples are discarded, so each kept sample is exact (nothing is
 * freed without GC). The harness's own cost (promises, snapshots), measured the same way around an empty
 * call, is subtracted. Requires `node --expose-gc`.
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
  for (let i = 0; i < warmup; i++) await fn();
  const calibration = await sample(gc, () => undefined, wanted);
  const measured = await sample(gc, fn, wanted);
  const { sizes, times, discarded } = measured;
  const overhead = calibration.sizes.length > 0 ? median(calibration.sizes) : 0;
  for (let i = 0; i < sizes.length; i++) sizes[i] = (sizes[i] as number) - overhead;
  const { result, before, after } = measured;
  if (sizes.length === 0)
    throw new CompetencyError(
      "INTERNAL",
      `${name}: every sample saw a GC; the operation allocates too much for a no-GC window`,
    );
  const allocated = median(sizes);
  return {
    name,
    result: result as T,
    before,
    after,
    allocatedBytes: allocated,
    allocatedBytesMin: Math.min(...sizes),
    peakBytes: allocated,
    durationMs: median(times),
    samples: sizes.length,
    discarded,
  };
}
