import type { MemoryResults } from "./results-types.js";

export type MetricChange = {
  readonly metric: string;
  readonly before: number;
  readonly after: number;
  /** (after − before) / before in percent; positive = grew. */
  readonly changePct: number;
  readonly regression: boolean;
};
export type CompareOutcome = { readonly status: "pass" | "fail"; readonly changes: readonly MetricChange[] };

/** Lower is better for every compared metric (bytes, allocations, milliseconds). */
const FIELDS = ["allocatedBytes", "peakBytes", "allocationCount", "meanMs"] as const;

/**
 * Per-dataset, per-metric change from `a` (before) to `b` (after). A metric regresses when it grew by more
 * than `tolerancePct`; timings are noisier than bytes, so they get twice the tolerance.
 */
export function compareResults(a: MemoryResults, b: MemoryResults, tolerancePct: number): CompareOutcome {
  const changes: MetricChange[] = [];
  for (const [name, before] of Object.entries(a.datasets)) {
    const after = b.datasets[name];
    if (after === undefined) continue;
    for (const field of FIELDS) {
      const x = before[field];
      const y = after[field];
      const changePct = x === 0 ? (y === 0 ? 0 : 100) : ((y - x) / x) * 100;
      const limit = field === "meanMs" ? tolerancePct * 2 : tolerancePct;
      changes.push({
        metric: `${name}.${field}`,
        before: x,
        after: y,
        changePct,
        regression: changePct > limit,
      });
    }
  }
  return { status: changes.some((c) => c.regression) ? "fail" : "pass", changes };
}
