import type { MemoryResults } from "./results-types.js";

export type Breach = { readonly dataset: string; readonly peakMb: number; readonly thresholdMb: number };
/** Expected outcome, not an error: a threshold check passes or lists every breach. */
export type CheckOutcome =
  | { readonly status: "pass" }
  | { readonly status: "fail"; readonly breaches: readonly Breach[] };

/** Upstream's alert levels in MB per match: small 2, medium 12, large 35. */
export const DEFAULT_THRESHOLDS_MB: Readonly<Record<string, number>> = { small: 2, medium: 12, large: 35 };

const MB = 1024 * 1024;

/** Compares each dataset's peak bytes per match with its threshold (MB). Datasets without one are skipped. */
export function checkThresholds(
  results: MemoryResults,
  thresholdsMb: Readonly<Record<string, number>>,
): CheckOutcome {
  const breaches: Breach[] = [];
  for (const [dataset, limit] of Object.entries(thresholdsMb)) {
    const d = results.datasets[dataset];
    if (d !== undefined && d.peakBytes / MB > limit)
      breaches.push({ dataset, peakMb: d.peakBytes / MB, thresholdMb: limit });
  }
  return breaches.length === 0 ? { status: "pass" } : { status: "fail", breaches };
}
