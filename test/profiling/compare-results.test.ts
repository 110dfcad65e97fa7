import { describe, expect, it } from "vitest";
import { compareResults } from "../../src/profiling/compare-results.js";
import { mannWhitneyP } from "../../src/profiling/mann-whitney.js";
import { mulberry32 } from "../../src/profiling/mulberry32.js";
import { readResults } from "../../src/profiling/read-results.js";
import type { MemoryResults } from "../../src/profiling/results-types.js";

const committed = readResults("profiling_results/current/memory_results.json");

/**
 * A fresh run of the same code: the same deterministic bytes and counts up to ±0.5 % jitter, and time samples
 * drawn with the machine's noise — a common load factor per run (±15 %) and ±20 % per sample.
 */
function freshRun(base: MemoryResults, random: () => number, slowdown = 1): MemoryResults {
  const jitter = (x: number, r: number) => x * (1 + (random() * 2 - 1) * r);
  const load = jitter(1, 0.15);
  const datasets = Object.fromEntries(
    Object.entries(base.datasets).map(([k, d]) => [
      k,
      {
        ...d,
        allocatedBytes: jitter(d.allocatedBytes, 0.005),
        peakBytes: jitter(d.peakBytes, 0.005),
        timeSamplesMs: d.timeSamplesMs.map((t) => jitter(t * load * slowdown, 0.2)),
      },
    ]),
  );
  return { ...base, datasets };
}

describe("memory compare gates", () => {
  it("passes a self-compare of the committed results", () => {
    expect(compareResults(committed, committed, 5).status).toBe("pass");
  });

  it("passes 20 out of 20 compares of fresh runs of the same code", () => {
    const random = mulberry32(12);
    let passed = 0;
    for (let k = 0; k < 20; k++)
      if (compareResults(freshRun(committed, random), freshRun(committed, random), 5).status === "pass")
        passed++;
    expect(passed).toBe(20);
  });

  it("passes the committed run against the fresh jemalloc run of the same code at the default tolerance", () => {
    const fresh = readResults("profiling_results/current/jemalloc/memory_results.json");
    expect(compareResults(committed, fresh, 10).status).toBe("pass");
  });

  it("fails a 10 % byte regression at a 5 % tolerance and names the metric", () => {
    const large = committed.datasets.large!;
    const worse = {
      ...committed,
      datasets: { ...committed.datasets, large: { ...large, allocatedBytes: large.allocatedBytes * 1.1 } },
    };
    const outcome = compareResults(committed, worse, 5);
    expect(outcome.status).toBe("fail");
    expect(outcome.changes.filter((c) => c.regression).map((c) => c.metric)).toEqual([
      "large.allocatedBytes",
    ]);
  });

  it("fails a clear 2× slowdown on an unloaded machine and ignores a noisy 4 % one", () => {
    const random = mulberry32(7);
    // A calm machine: each dataset's samples within ±5 % of its median.
    const calm = {
      ...committed,
      env: { ...committed.env, loadavg: [0.5, 0.5, 0.5] },
      datasets: Object.fromEntries(
        Object.entries(committed.datasets).map(([k, d]) => [
          k,
          { ...d, timeSamplesMs: d.timeSamplesMs.map(() => d.meanMs * (0.95 + random() * 0.1)) },
        ]),
      ),
    };
    const base = calm;
    const slow = {
      ...base,
      datasets: Object.fromEntries(
        Object.entries(base.datasets).map(([k, d]) => [
          k,
          { ...d, timeSamplesMs: d.timeSamplesMs.map((t) => t * 2) },
        ]),
      ),
    };
    expect(compareResults(base, slow, 5).changes.find((c) => c.metric === "large.medianMs")?.regression).toBe(
      true,
    );
    const slight = {
      ...base,
      datasets: Object.fromEntries(
        Object.entries(base.datasets).map(([k, d]) => [
          k,
          { ...d, timeSamplesMs: d.timeSamplesMs.map((t) => t * 1.04) },
        ]),
      ),
    };
    expect(compareResults(base, slight, 5).status).toBe("pass");
  });
});

describe("mannWhitneyP", () => {
  it("is 1 for identical samples and tiny for separated ones", () => {
    const a = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(mannWhitneyP(a, a)).toBeCloseTo(1, 6);
    // Completely separated 10 vs 10: exact two-sided p = 2/C(20,10) ≈ 1.1e-5; the normal approximation gives ~1.8e-4.
    expect(
      mannWhitneyP(
        a,
        a.map((x) => x + 100),
      ),
    ).toBeLessThan(3e-4);
  });
});

describe("the time gate on a loaded machine", () => {
  it("does not gate time when a run's load average exceeds its cores", () => {
    const slow = {
      ...committed,
      env: { ...committed.env, loadavg: [18, 18, 17] },
      datasets: Object.fromEntries(
        Object.entries(committed.datasets).map(([k, d]) => [
          k,
          { ...d, timeSamplesMs: d.timeSamplesMs.map((t) => t * 3) },
        ]),
      ),
    };
    expect(compareResults(committed, slow, 5).changes.filter((c) => c.regression)).toEqual([]);
  });
});
