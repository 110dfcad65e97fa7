/** A collection seen during a call: `offsetBytes` into the call's allocation, `liveBytes` above its start. */
export type PeakPoint = { readonly offsetBytes: number; readonly liveBytes: number };

/**
 * Points of repeated identical calls merged in offset order, starting at (0, 0). Live bytes can only grow by
 * allocation, so a point is capped at the previous point's live + the bytes between them: a point above that
 * held bytes the call did not allocate (code V8 compiled meanwhile, a cache it refilled) and is lowered.
 */
export function mergePoints<P extends PeakPoint>(points: readonly P[]): PeakPoint[] {
  const sorted = [...points].sort((a, b) => a.offsetBytes - b.offsetBytes);
  const out: PeakPoint[] = [{ offsetBytes: 0, liveBytes: 0 }];
  for (const p of sorted) {
    const prev = out[out.length - 1] as PeakPoint;
    const cap = prev.liveBytes + (p.offsetBytes - prev.offsetBytes);
    out.push(p.liveBytes > cap ? { ...p, liveBytes: cap } : p);
  }
  return out;
}

/**
 * Upper bound of the live peak from collection points of repeated identical calls. Between two points
 * nothing but allocation adds live bytes, so the live heap after point i stays below liveBytes(i) +
 * (offset(i+1) − offset(i)); the call ends at `allocatedBytes`. `resolutionBytes` is that gap at the
 * maximum: the most the bound can exceed the true peak there. `floorBytes`, the most live seen at a point,
 * is a lower bound of the peak.
 */
export function peakFromPoints(
  points: readonly PeakPoint[],
  allocatedBytes: number,
): { peakBytes: number; resolutionBytes: number; floorBytes: number } {
  const merged = mergePoints(points);
  let peakBytes = 0;
  let resolutionBytes = 0;
  let floorBytes = 0;
  for (let i = 0; i < merged.length; i++) {
    const p = merged[i] as PeakPoint;
    floorBytes = Math.max(floorBytes, p.liveBytes);
    const next = i + 1 < merged.length ? (merged[i + 1] as PeakPoint).offsetBytes : allocatedBytes;
    const gap = Math.max(0, next - p.offsetBytes);
    if (p.liveBytes + gap > peakBytes) {
      peakBytes = p.liveBytes + gap;
      resolutionBytes = gap;
    }
  }
  return { peakBytes, resolutionBytes, floorBytes };
}
