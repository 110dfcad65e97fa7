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

/** Tick values 4^k bytes (1 KiB, 4 KiB, 16 KiB, … 1 MiB, 4 MiB) between `lo` and `hi`, for a log-scale byte axis. */
export function byteTicks(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let k = Math.floor(Math.log2(lo) / 2); k <= Math.ceil(Math.log2(hi) / 2); k++) {
    const t = 4 ** k;
    if (t >= lo && t <= hi) out.push(t);
  }
  return out;
}
