const UNITS: readonly (readonly [string, number])[] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
  ["second", 1_000],
];

/**
 * A duration for a message: `850 ms`, `59 seconds`, `1 minute`, `2 hours`, in the largest unit it reaches,
 * rounded to the nearest whole unit (the wording @fastify/rate-limit used, so 429 messages did not change).
 */
export function formatDuration(ms: number): string {
  for (const [unit, size] of UNITS) {
    if (ms < size) continue;
    const n = Math.round(ms / size);
    return `${n} ${unit}${n === 1 ? "" : "s"}`;
  }
  return `${ms} ms`;
}
