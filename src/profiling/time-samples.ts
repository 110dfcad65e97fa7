/**
 * Per-call wall times in milliseconds: `batches` samples, each the mean over about `batchMs` of calls (at
 * least one call). Repeated samples are what the time gate's Mann–Whitney test compares.
 */
export function timeSamples(fn: () => unknown, batches: number, batchMs: number): number[] {
  const out: number[] = [];
  for (let b = 0; b < batches; b++) {
    let calls = 0;
    const start = performance.now();
    let now = start;
    while (calls < 1 || now - start < batchMs) {
      fn();
      calls++;
      now = performance.now();
    }
    out.push((now - start) / calls);
  }
  return out;
}

/** Median of a non-empty list. */
export function medianOf(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 === 1 ? s[n >> 1]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}
