// Run in a child Node with `--expose-gc --min-semi-space-size=1 --max-semi-space-size=1` (the test spawns it):
// prints the measured allocated bytes and peak of two known shapes as JSON.
import { profileMemoryUsage } from "../../../src/profiling/profile-memory-usage.js";

/** Total bytes each shape allocates: 10 MiB. */
export const TOTAL = 10 * 1024 * 1024;
/** One piece: a JSArray header (16 B) and a FixedArray of 126 small integers (16 + 126·8 B) = 1,040 B. */
const PIECE_LENGTH = 126;
const PIECE_BYTES = 16 + 16 + PIECE_LENGTH * 8;
const PIECES = Math.round(TOTAL / PIECE_BYTES);

function piece(i: number): number[] {
  const a = new Array<number>(PIECE_LENGTH);
  for (let k = 0; k < PIECE_LENGTH; k++) a[k] = (i + k) & 0xff;
  return a;
}

/** 10 MiB in 1 KiB pieces, each dropped at once: the live peak is one piece. */
function dropped(): number {
  let sum = 0;
  for (let i = 0; i < PIECES; i++) sum += piece(i)[0]!;
  return sum;
}

/** The same pieces, all kept until the end: the live peak is the whole 10 MiB. */
function kept(): number[][] {
  const all = new Array<number[]>(PIECES);
  for (let i = 0; i < PIECES; i++) all[i] = piece(i);
  return all;
}

type Shape = { allocatedBytes: number; peakBytes: number; peakResolutionBytes: number; peakRuns: number };
const out: Record<string, Shape> = {};
// The dropped shape's live heap is flat, so every gap between collection points bounds the peak: it needs a
// collection at every piece of the 1 MiB young generation (~1,040 shifted calls). The kept shape's peak is its
// end; a coarse bound suffices.
const shapes: [string, () => unknown, number][] = [
  ["dropped", dropped, 1536],
  ["kept", kept, 32],
];
// Every measurement is a sound upper bound, so the tightest of several is too. A measurement whose own stated
// slack (peakResolutionBytes: bytes allocated between the peak's point and the next observed one) is above
// the accuracy wanted here has missed a gap (under CPU contention a shifted call can land outside the window
// just before a full young generation), so it is measured again, at most MAX_MEASUREMENTS times; the bound
// kept is the lowest. The decision reads only the method's own slack, never the known answer. The dropped
// shape is always measured at least MIN_MEASUREMENTS times: one run of the full suite (2026-12-07) measured
// 1,216 B with a slack inside the wanted accuracy, where every run alone measured 1,024 B.
const MIN_MEASUREMENTS = 2;
const MAX_MEASUREMENTS = 3;
const WANTED_SLACK_BYTES = 1.1 * (16 + PIECE_LENGTH * 8);
for (const [name, fn, runs] of shapes) {
  let best: Shape | undefined;
  for (let k = 0; k < MAX_MEASUREMENTS; k++) {
    const p = await profileMemoryUsage(name, fn, { warmup: 5, samples: 5, peak: { runs } });
    if (best === undefined || p.peakBytes < best.peakBytes)
      best = {
        allocatedBytes: p.allocatedBytes,
        peakBytes: p.peakBytes,
        peakResolutionBytes: p.peakResolutionBytes,
        peakRuns: p.peakRuns,
      };
    if (name !== "dropped" || (k + 1 >= MIN_MEASUREMENTS && best.peakResolutionBytes <= WANTED_SLACK_BYTES))
      break;
  }
  out[name] = best as Shape;
}
process.stdout.write(`${JSON.stringify({ totalBytes: PIECES * PIECE_BYTES, pieces: PIECES, ...out })}\n`);
