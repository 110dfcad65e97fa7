import { mergePoints, type PeakPoint } from "./peak-from-points.js";

/** One shifted call: the free young-generation bytes it was given and the collection points it saw. */
export type AimedCall = { readonly target: number; readonly points: readonly PeakPoint[] };

/** Most targets handed out per round: the points are merged again after each round. */
const ROUND = 64;

function medianOf(xs: number[], empty: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] ?? empty;
}

/**
 * Targets for further shifted calls: for each gap whose bound (live + gap) could still exceed the highest live
 * point by more than `finest`, the shift that moves the point just before it into the gap's middle (all
 * points of a call move with its shift). Widest bounds first, at most `budget` and ROUND of them.
 */
export function aimAtGaps(
  calls: readonly AimedCall[],
  allocated: number,
  finest: number,
  budget: number,
  young: number,
): number[] {
  const merged = mergePoints(calls.flatMap((c) => c.points.map((p) => ({ ...p, target: c.target }))));
  let floor = 0;
  for (const p of merged) floor = Math.max(floor, p.liveBytes);
  const periods = calls.flatMap((c) => {
    const [a, b] = c.points;
    return a !== undefined && b !== undefined ? [b.offsetBytes - a.offsetBytes] : [];
  });
  const period = medianOf(periods, young);
  const gaps: { bound: number; target: number }[] = [];
  for (let i = 0; i < merged.length; i++) {
    const p = merged[i] as PeakPoint & { target?: number };
    const next = i + 1 < merged.length ? (merged[i + 1] as PeakPoint).offsetBytes : allocated;
    const gap = next - p.offsetBytes;
    if (gap <= finest || p.liveBytes + gap <= floor + finest) continue;
    // Past the young generation, the same point comes one collection period earlier.
    let target = Math.round((p.target ?? 0) + gap / 2);
    if (target >= young) target -= period;
    if (target >= 0 && target < young) gaps.push({ bound: p.liveBytes + gap, target });
  }
  return gaps
    .sort((a, b) => b.bound - a.bound)
    .slice(0, Math.min(budget, ROUND))
    .map((g) => g.target);
}
