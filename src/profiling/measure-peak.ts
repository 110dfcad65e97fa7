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

/** Bytes left for the harness between the last fill step and the call (its heap-statistics objects). */
const MARGIN = 1536;
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

function heapNow(): number {
  const h = getHeapStatistics();
  return h.used_heap_size + h.external_memory;
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

/**
 * One call with the young generation filled so that its first scavenge lands `target` bytes into the call's
 * allocation. Returns the call's collection points (offset, live above the start) and its allocated bytes,
 * or null when a full GC ran inside (it would free garbage from before the call).
 */
function shiftedCall(gc: Gc, fn: () => unknown, target: number): ShiftedCall | null {
  const profiler = new GCProfiler();
  gc({ type: "minor" });
  gc({ type: "minor" });
  const start = heapNow();
  // Near a full young generation even one reading of the space statistics would be too much: no fill.
  if (target < youngBytes - MARGIN) fillYoung(target + MARGIN);
  profiler.start();
  const before = heapNow();
  let result = fn();
  const end = heapNow();
  let events: GcEvent[] | null = (profiler.stop() as unknown as { statistics: GcEvent[] }).statistics;
  const points: PeakPoint[] = [];
  let offset = 0;
  let prev = before;
  let full = false;
  for (const e of events) {
    full ||= e.gcType !== "Scavenge";
    offset += total(e.beforeGC.heapStatistics) - prev;
    prev = total(e.afterGC.heapStatistics);
    points.push({ offsetBytes: offset, liveBytes: prev - start });
  }
  const allocated = offset + end - prev;
  events = null;
  gc({ type: "minor" });
  gc({ type: "minor" });
  const endLive = heapNow() - start;
  if (result === sink) result = null; // keeps the result alive up to here
  return full ? null : { target, points, allocated, endLive };
}

/**
 * The highest live heap during a synchronous call, by shifted collections. A scavenge finds exactly which
 * young objects are live, but runs only when the 1 MiB young generation is full. So the call is repeated
 * with the young generation pre-filled with different amounts of garbage: each repetition's scavenges land
 * at other offsets of the call's allocation, and every scavenge is a point (offset, live bytes). Over all
 * points in offset order, live can only grow by allocation, so the peak is at most max(live at a point +
 * bytes allocated until the next point). Requires `--expose-gc`; meant for a young generation fixed at
 * 1 MiB (`--min-semi-space-size=1 --max-semi-space-size=1`). The call must allocate the same way every time
 * (warm it up first); calls that allocate more than 1 % differently from the median are dropped.
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
    return spaceBytes("old_space", "space_used_size");
  };
  gc({ type: "minor" });
  gc({ type: "minor" });
  youngBytes = spaceBytes("new_space", "space_available_size");
  shiftedCall(gc, fn, 0); // the harness's own first compilation
  let old = fullGc();
  const young = youngBytes;
  const calls: ShiftedCall[] = [];
  let done = 0;
  const call = (target: number) => {
    if (
      done % FULL_GC_EVERY === FULL_GC_EVERY - 1 ||
      spaceBytes("old_space", "space_used_size") - old > OLD_GROWTH_LIMIT
    )
      old = fullGc();
    done++;
    const c = shiftedCall(gc, fn, target);
    if (c === null) old = fullGc();
    else calls.push(c);
  };
  // Half the calls evenly over the first young generation's worth of allocation, the rest aimed at the gaps
  // that still bound the peak.
  const span = Math.max(0, Math.min(allocatedBytes, young));
  const step = Math.max(finest, span / Math.max(1, maxRuns >> 1));
  for (let t = 0; t < span || done === 0; t += step) call(Math.round(t));
  let result = summarize(calls, allocatedBytes);
  while (done < maxRuns) {
    const aims = aimAtGaps(result.calls, result.allocated, finest, maxRuns - done, young);

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
  const near = (x: number, m: number) => Math.abs(x - m) <= 0.01 * Math.abs(m) + 1024;
  return { allocated, calls: calls.filter((c) => near(c.allocated, allocated) && near(c.endLive, endLive)) };
}
