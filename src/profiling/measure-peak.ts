import { GCProfiler, getHeapSpaceStatistics, getHeapStatistics } from "node:v8";
import { aimAtGaps } from "./aim-at-gaps.js";
import { type PeakPoint, peakFromPoints } from "./peak-from-points.js";

export type PeakOptions = {
  /** Shifted calls at most; fewer when the call allocates less than runs × resolutionBytes. @default 256 */
  readonly runs?: number;
  /** Finest spacing, in bytes, between the points where collections are placed. @default 1024 */
  readonly resolutionBytes?: number;
};

export type PeakMeasurement = {
  /** Upper bound of the highest live heap above the start of the call, in bytes. */
  readonly peakBytes: number;
  /** Bytes allocated between the point that gives the peak and the next observed point: the bound's slack. */
  readonly resolutionBytes: number;
  /** The most live bytes seen at a collection point: a lower bound of the peak. */
  readonly floorBytes: number;
  /** Calls that were measured (a call with a full GC inside, or that allocated differently, is dropped). */
  readonly runs: number;
  /** Collections observed over those calls. */
  readonly points: number;
};

type ShiftedCall = {
  /** Free young-generation bytes left for the call (its first scavenge lands about this far in). */
  readonly target: number;
  readonly points: PeakPoint[];
  /** Bytes the call allocated. */
  readonly allocated: number;
  /** Live bytes above the start once the call returned (its result, and anything V8 added meanwhile). */
  readonly endLive: number;
};

type Gc = (options?: { type: "minor" | "major" }) => void;
type HeapStats = { readonly usedHeapSize: number; readonly externalMemory: number };
type GcEvent = {
  readonly gcType: string;
  readonly beforeGC: { heapStatistics: HeapStats };
  readonly afterGC: { heapStatistics: HeapStats };
};

/** Fills up to this size use one array of calibrated cost and no heap reading (exactCall). */
const EXACT_FILL = 6144;
/** Bytes the bulk fill leaves for the exact fill after it (more than the bulk fill's step of ~112 B). */
const SLACK = 8192;
/** Garbage chunk of the fill: a JSArray and a FixedArray of 8 slots, ~100 bytes. */
const CHUNK_LENGTH = 8;
/** A full GC between calls once the old generation grew this much (promoted garbage would start marking). */
const OLD_GROWTH_LIMIT = 4 * 1024 * 1024;
/**
 * A full GC between calls at least this often: objects promoted by the scavenges pile up otherwise (the
 * GCProfiler handles among them), and every later scavenge and call slows down.
 */
const FULL_GC_EVERY = 16;

const total = (h: HeapStats) => h.usedHeapSize + h.externalMemory;

/** Live heap in bytes, as a small integer: a heap number kept in a local would be live during the call. */
function heapNow(): number {
  const h = getHeapStatistics();
  return (h.used_heap_size + h.external_memory) | 0;
}

function spaceBytes(name: string, field: "space_available_size" | "space_used_size"): number {
  for (const s of getHeapSpaceStatistics()) if (s.space_name === name) return s[field];
  return 0;
}

function medianOf(xs: number[], empty: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] ?? empty;
}

let sink: unknown = null;
/** Free young-generation bytes right after a scavenge, read once per measurement. */
let youngBytes = 0;

/** Allocates garbage until the young generation has `left` bytes free (never below: no collection runs). */
function fillYoung(left: number): void {
  for (let guard = 0; guard < 100_000; guard++) {
    const free = spaceBytes("new_space", "space_available_size");
    if (free <= left) break;
    const chunks = Math.max(1, Math.min(64, Math.floor((free - left) / 128)));
    for (let i = 0; i < chunks; i++) sink = new Array(CHUNK_LENGTH);
  }
  sink = null;
}

/** The exact fill: one garbage array of `length` slots (its cost, calibrated by calibrateFill, is fillBase + 8·length). */
function fillArray(length: number): void {
  sink = new Array(length);
  sink = null;
}

/** Slots of fillSmall's arrays: small, so an array that does not fit at a page's end wastes little. */
const SMALL = 24;

/**
 * Allocates `bytes` of garbage (to 8 bytes) in arrays of at most SMALL slots: V8 leaves the rest of a 256 KiB
 * young-generation page empty when the next object does not fit, and one large array would there move the
 * call's start by up to its size. Smi arithmetic only (no heap numbers).
 */
function fillSmall(bytes: number): void {
  const chunk = fillBase + 8 * SMALL;
  let left = bytes | 0;
  while (left >= chunk + fillBase) {
    fillArray(SMALL);
    left = (left - chunk) | 0;
  }
  if (left >= fillBase) fillArray((left - fillBase) >> 3);
}

/** Bytes of fillArray(length) beyond its 8·length slots: JSArray + FixedArray header (+ an allocation memento). */
let fillBase = 48;
/** Bytes one heapNow() allocates after taking its value (its result object, a boxed sum). */
let readingBytes = 0;
/** Bytes bulkCall's exact fill is shifted by so that it lands a target where exactCall does. */
let bulkShift = 0;
let probeSink: unknown = null;
/** Allocates ~1.1 MiB in 56-byte arrays: the finest steps, for calibrateShift. */
function probe(): void {
  for (let i = 0; i < 20_000; i++) probeSink = [i];
  if (probeSink !== null) probeSink = null;
}

/**
 * The bulk fill's heap readings allocate their result objects and the arithmetic on them boxes numbers, and
 * the space statistics disagree with the heap readings by a few KiB: measured, not predicted. The probe's
 * first collection lands at the same target once by exactCall and once by bulkCall; the difference is
 * the shift (median of 5, to within the probe's 56-byte steps).
 */
function calibrateShift(gc: Gc): void {
  for (let i = 0; i < 20; i++) {
    probe();
    fillSmall(1000 + i * 8);
  }
  const target = youngBytes - EXACT_FILL;
  const first = (c: ShiftedCall | null) => c?.points[0]?.offsetBytes;
  const shifts: number[] = [];
  bulkShift = 0;
  for (let i = 0; i < 5; i++) {
    const e = first(exactCall(gc, probe, target, youngBytes - target));
    const b = first(bulkCall(gc, probe, target));
    if (e !== undefined && b !== undefined) shifts.push(e - b);
  }
  bulkShift = medianOf(shifts, 0);
}

/**
 * Warms fillArray up and measures its fixed cost: a JSArray (32 B), the FixedArray header (16 B) and, once the
 * allocation site tracks the array, a 16-byte allocation memento. Throws if the cost is not constant.
 */
function calibrateFill(gc: Gc): void {
  // Tiered up first: TurboFan removes the readings' result objects, so their cost changes when it compiles.
  let x = 0;
  for (let i = 0; i < 20_000; i++) {
    x ^= heapNow();
    fillArray(i & 31);
    if ((i & 15) === 0) fillSmall(4096);
  }
  if (x === 0.5) sink = x;
  fillBase = constantValue("fill cost", (add) => {
    for (const length of [8, 40, 100, 190, 8, 40, 100, 190]) {
      const profiler = new GCProfiler();
      profiler.start();
      gc(MINOR);
      gc(MINOR);
      fillArray(length);
      // A heap reading counts the heap before its own result object is allocated.
      const after = heapNow();
      const forced = (profiler.stop() as unknown as { statistics: GcEvent[] }).statistics[1];
      if (forced !== undefined) add(after - total(forced.afterGC.heapStatistics) - 8 * length);
    }
  });
  readingBytes = constantValue("heap reading", (add) => {
    for (let i = 0; i < 12; i++) {
      gc(MINOR);
      const a = heapNow();
      const b = heapNow();
      if (i >= 4) add(b - a);
    }
  });
}

/**
 * The one value a round of `sample` gives every time, trying up to 3 rounds: a round can catch the process
 * doing something else (once in a CI run one heap reading of eight differed, 0 and 6,400 bytes, the external
 * memory having moved between two back-to-back readings). Throws when no round was constant.
 */
function constantValue(what: string, sample: (add: (value: number) => void) => void): number {
  const seen = new Set<number>();
  for (let round = 0; round < 3; round++) {
    seen.clear();
    sample((value) => seen.add(value));
    if (seen.size === 1) return [...seen][0] as number;
  }
  throw new Error(`measurePeak: ${what} not constant: ${[...seen].join(", ")}`);
}

const MINOR = { type: "minor" } as const;

/**
 * One call with the young generation filled so that its first scavenge lands `target` bytes into the call's
 * allocation. Returns the call's collection points (offset, live above the start) and its allocated bytes,
 * or null when a full GC ran inside (it would free garbage from before the call).
 *
 * Near a full young generation (less than EXACT_FILL bytes to fill) nothing may run between the collection
 * and the call that allocates unknown bytes, or those last offsets could never hold a point: the profiler
 * starts before the forced scavenges (their events give the start), one garbage array of known cost fills
 * the rest, and the call begins at start + that cost, with no heap reading in between.
 */
function shiftedCall(gc: Gc, fn: () => unknown, target: number): ShiftedCall | null {
  const fill = (youngBytes - target) | 0;
  return fill <= EXACT_FILL ? exactCall(gc, fn, target, fill) : bulkCall(gc, fn, target);
}

/**
 * Far from a full young generation: a coarse fill by reading the space statistics, then one array of known
 * cost for the rest, sized from heap readings (which are exact), then the reading the call starts from.
 * `bulkShift` (calibrated) makes a target land where exactCall lands it.
 */
function bulkCall(gc: Gc, fn: () => unknown, target: number): ShiftedCall | null {
  const profiler = new GCProfiler();
  profiler.start();
  gc(MINOR);
  gc(MINOR);
  const start = heapNow();
  fillYoung(target + SLACK);
  const h = heapNow();
  fillSmall((youngBytes - (h - start) - target + bulkShift) | 0);
  // The reading's value is the heap before its own result object: the call starts readingBytes later.
  const before = (heapNow() + readingBytes) | 0;
  const result = fn();
  const end = heapNow();
  return finish(gc, target, start, before, end, readPoints(profiler, 2), result);
}

function exactCall(gc: Gc, fn: () => unknown, target: number, fill: number): ShiftedCall | null {
  // Computed before the collections: arithmetic after them could allocate a heap number.
  const length = fill >= fillBase ? (fill - fillBase) >> 3 : -1;
  const cost = length >= 0 ? fillBase + 8 * length : 0;
  const profiler = new GCProfiler();
  profiler.start();
  gc(MINOR);
  gc(MINOR);
  if (length >= 0) fillArray(length);
  const result = fn();
  const end = heapNow();
  return finish(gc, target, null, cost, end, readPoints(profiler, 2), result);
}

type Collections = {
  /** Live heap after the last forced scavenge (exactCall's start), or null when they were not profiled. */
  readonly forced: number | null;
  /** Heap before and after each collection inside the call; whether any was not a scavenge. */
  readonly before: number[];
  readonly after: number[];
  readonly full: boolean;
};

/**
 * The profiler's events as plain numbers, the first `skip` of them (the forced scavenges) apart. The events
 * are JS objects of ~2 KiB each: they must be garbage before the call's live end is read.
 */
function readPoints(profiler: GCProfiler, skip: number): Collections {
  const events = (profiler.stop() as unknown as { statistics: GcEvent[] }).statistics;
  const before: number[] = [];
  const after: number[] = [];
  let full = false;
  let forced: number | null = null;
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as GcEvent;
    if (i < skip) {
      full ||= e.gcType !== "Scavenge";
      forced = total(e.afterGC.heapStatistics);
      continue;
    }
    full ||= e.gcType !== "Scavenge";
    before.push(total(e.beforeGC.heapStatistics));
    after.push(total(e.afterGC.heapStatistics));
  }
  if (events.length < skip) full = true;
  return { forced, before, after, full };
}

/**
 * The call's points from its collections. `start` is the live heap before the call, or null for the forced
 * scavenges' result, in which case `before` is the fill's cost above it rather than a heap reading.
 */
function finish(
  gc: Gc,
  target: number,
  startBytes: number | null,
  beforeBytes: number,
  end: number,
  c: Collections,
  value: unknown,
): ShiftedCall | null {
  let result = value;
  const start = startBytes ?? c.forced ?? 0;
  const before = startBytes === null ? start + beforeBytes : beforeBytes;
  const points: PeakPoint[] = [];
  let offset = 0;
  let prev = before;
  for (let i = 0; i < c.before.length; i++) {
    offset += (c.before[i] as number) - prev;
    prev = c.after[i] as number;
    points.push({ offsetBytes: offset, liveBytes: prev - start });
  }
  const allocated = offset + end - prev;
  // A first collection before the call began (the fill overran the young generation): not the call's.
  if ((points[0]?.offsetBytes ?? 0) < 0) return null;
  gc(MINOR);
  gc(MINOR);
  const endLive = heapNow() - start;
  if (result === sink) result = null; // keeps the result alive up to here
  return c.full ? null : { target, points, allocated, endLive };
}

/**
 * The highest live heap during a synchronous call, by shifted collections. A scavenge finds exactly which
 * young objects are live, but runs only when the 1 MiB young generation is full. So the call is repeated
 * with the young generation pre-filled with different amounts of garbage: each repetition's scavenges land
 * at other offsets of the call's allocation, and every scavenge is a point (offset, live bytes). Over all
 * points in offset order, live can only grow by allocation, so the peak is at most max(live at a point +
 * bytes allocated until the next point). Requires `--expose-gc`; meant for a young generation fixed at
 * 1 MiB (`--min-semi-space-size=1 --max-semi-space-size=1`). The fills are exact to 8 bytes and nothing is
 * read between the collection and a call that starts near a full young generation (shiftedCall), so targets
 * `resolutionBytes` apart put a point before every allocation of that size or more. The call must allocate
 * the same way every time (warm it up first); calls that allocate more than 1 % + 4 KiB differently from the
 * median, or leave as much more live, are dropped.
 */
export function measurePeak(
  gc: Gc,
  fn: () => unknown,
  allocatedBytes: number,
  options: PeakOptions = {},
): PeakMeasurement {
  const maxRuns = options.runs ?? 256;
  const finest = options.resolutionBytes ?? 1024;
  // After a full GC, V8 refills caches it cleared (number-string cache, feedback) during the next call, which
  // then leaves more live bytes than the others: the endLive filter below drops such calls.
  const fullGc = () => {
    gc();
    // One unmeasured shifted call refills them (the harness's too), so that the next measured call leaves
    // what every call leaves.
    shiftedCall(gc, fn, youngBytes >> 1);
    return spaceBytes("old_space", "space_used_size");
  };
  gc({ type: "minor" });
  gc({ type: "minor" });
  youngBytes = spaceBytes("new_space", "space_available_size");
  calibrateFill(gc);
  calibrateShift(gc);
  shiftedCall(gc, fn, 0);
  // Unmeasured: the first calls of each path leave code and feedback live and would be dropped.
  for (const t of [youngBytes, -2048, -1024, youngBytes >> 1, youngBytes - 1024]) shiftedCall(gc, fn, t);
  let old = fullGc();
  const young = youngBytes;
  const calls: ShiftedCall[] = [];
  const tries = new Map<number, number>();
  let done = 0;
  const call = (target: number) => {
    if (
      done % FULL_GC_EVERY === FULL_GC_EVERY - 1 ||
      spaceBytes("old_space", "space_used_size") - old > OLD_GROWTH_LIMIT
    )
      old = fullGc();
    done++;
    tries.set(target, (tries.get(target) ?? 0) + 1);
    const c = shiftedCall(gc, fn, target);
    if (c === null) old = fullGc();
    else calls.push(c);
  };
  // Half the calls evenly over the first young generation's worth of allocation, the rest aimed at the gaps
  // that still bound the peak.
  const span = Math.max(0, Math.min(allocatedBytes, young));
  const step = Math.max(finest, span / Math.max(1, maxRuns - (maxRuns >> 3)));
  // From a little below 0: the young generation holds a little more than its reported free space.
  for (let t = -Math.min(2 * finest, 2048); t <= span || done === 0; t += step)
    call(Math.round(Math.min(t, span)));
  let result = summarize(calls, allocatedBytes);
  while (done < maxRuns) {
    // A target is not aimed at again once its call was kept, or after two tries (a call is dropped now and
    // then, e.g. the first ones, which leave compiled code live).
    const settled = new Set(result.calls.map((c) => c.target));
    for (const [t, n] of tries) if (n >= 2) settled.add(t);
    const aims = aimAtGaps(result.calls, result.allocated, finest, maxRuns - done, young, settled);

    if (aims.length === 0) break;
    for (const target of aims) call(target);
    result = summarize(calls, allocatedBytes);
  }
  const points = result.calls.flatMap((c) => c.points);
  const peak = peakFromPoints(points, result.allocated);
  return { ...peak, runs: result.calls.length, points: points.length };
}

/**
 * The calls that agree with the median: the same bytes allocated, and the same bytes left live (a call that
 * also refilled caches V8 cleared, or compiled code, leaves more and would show it as part of the peak).
 */
function summarize(calls: readonly ShiftedCall[], fallback: number) {
  const allocated = medianOf(
    calls.map((c) => c.allocated),
    fallback,
  );
  const endLive = medianOf(
    calls.map((c) => c.endLive),
    0,
  );
  const near = (x: number, m: number) => Math.abs(x - m) <= 0.01 * Math.abs(m) + 4096;
  return { allocated, calls: calls.filter((c) => near(c.allocated, allocated) && near(c.endLive, endLive)) };
}
