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
 * point by more than `finest`, the target whose first collection should land in the gap's middle. A call's
 * first collection lands a fixed distance from its target (the median over calls, measured) and its later
 * ones one collection period apart each, so the gap's middle is brought back into the first period. Widest
 * bounds first, targets not yet `tried`, at most `budget` and ROUND of them.
 */
export function aimAtGaps(
  calls: readonly AimedCall[],
  allocated: number,
  finest: number,
  budget: number,
  young: number,
  tried: ReadonlySet<number> = new Set(),
): number[] {
  const merged = mergePoints(calls.flatMap((c) => c.points));
  let floor = 0;
  for (const p of merged) floor = Math.max(floor, p.liveBytes);
  const periods: number[] = [];
  const leads: number[] = [];
  for (const c of calls) {
    const [a, b] = c.points;
    if (a !== undefined) leads.push(a.offsetBytes - c.target);
    if (a !== undefined && b !== undefined) periods.push(b.offsetBytes - a.offsetBytes);
  }
  const period = medianOf(periods, young);
  const lead = medianOf(leads, 0);
  const gaps: { bound: number; target: number }[] = [];
  for (let i = 0; i < merged.length; i++) {
    const p = merged[i] as PeakPoint;
    const next = i + 1 < merged.length ? (merged[i + 1] as PeakPoint).offsetBytes : allocated;
    const gap = next - p.offsetBytes;
    if (gap <= finest || p.liveBytes + gap <= floor + finest) continue;
    let landing = p.offsetBytes + gap / 2;
    while (landing - lead >= young && landing >= period) landing -= period;
    const target = Math.round(landing - lead);
    if (target >= -4 * finest && target <= young && !tried.has(target))
      gaps.push({ bound: p.liveBytes + gap, target });
  }
  // Every collection period repeats the same gaps: one call per distinct target.
  const targets = new Set<number>();
  for (const g of gaps.sort((a, b) => b.bound - a.bound)) {
    if (targets.size >= Math.min(budget, ROUND)) break;
    targets.add(g.target);
  }
  return [...targets];
}
