/** Tick values 1, 2, 5 × 10^k between `lo` and `hi` (both > 0), for a log-scale axis. */
export function logTicks(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let k = Math.floor(Math.log10(lo)); k <= Math.ceil(Math.log10(hi)); k++)
    for (const m of [1, 2, 5]) {
      const t = m * 10 ** k;
      if (t >= lo && t <= hi) out.push(t);
    }
  return out;
}
