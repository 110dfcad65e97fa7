import type { MemoryResults } from "./results-types.js";

export type Breach = {
  readonly dataset: string;
  /** The dataset's peak in MiB (2^20 bytes). */
  readonly peakMib: number;
  readonly thresholdMib: number;
};
/** Expected outcome, not an error: a threshold check passes or lists every breach. */
export type CheckOutcome =
  | { readonly status: "pass" }
  | { readonly status: "fail"; readonly breaches: readonly Breach[] };

/** Upstream's alert levels per match, in MiB: small 2, medium 12, large 35 (the check's defaults). */
export const DEFAULT_THRESHOLDS_MB: Readonly<Record<string, number>> = { small: 2, medium: 12, large: 35 };
/** Our own budgets per warm match (SPEC §6, the CI gate), in MiB: 32 KiB, 256 KiB, 256 KiB. */
export const BUDGETS_MIB: Readonly<Record<string, number>> = { small: 0.03125, medium: 0.25, large: 0.25 };

const MIB = 1024 * 1024;

/** Compares each dataset's peak bytes per match with its threshold (MiB). Datasets without one are skipped. */
export function checkThresholds(
  results: MemoryResults,
  thresholdsMib: Readonly<Record<string, number>>,
): CheckOutcome {
  const breaches: Breach[] = [];
  for (const [dataset, limit] of Object.entries(thresholdsMib)) {
    const d = results.datasets[dataset];
    if (d !== undefined && d.peakBytes / MIB > limit)
      breaches.push({ dataset, peakMib: d.peakBytes / MIB, thresholdMib: limit });
  }
  return breaches.length === 0 ? { status: "pass" } : { status: "fail", breaches };
}
