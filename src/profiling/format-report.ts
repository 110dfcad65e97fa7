import type { MemoryResults } from "./results-types.js";

const KIB = 1024;
export const fmtBytes = (b: number) =>
  b >= 1024 * KIB ? `${(b / (1024 * KIB)).toFixed(2)} MiB` : `${(b / KIB).toFixed(1)} KiB`;

/** A peak with its resolution (how far the upper bound may lie above the true peak), when the results carry it. */
export const fmtPeak = (peak: number, resolution: number | undefined) =>
  resolution === undefined ? fmtBytes(peak) : `${fmtBytes(peak)} (resolution ${fmtBytes(resolution)})`;

/** The allocation-sites table: the sampled call sites with the most bytes, as Markdown. */
export function formatAllocationSites(results: MemoryResults): string {
  const rows = results.topSites.map(
    (s, k) => `| ${k + 1} | \`${s.site}\` | ${fmtBytes(s.bytes)} | ${(s.share * 100).toFixed(1)}% |`,
  );
  return [
    `# Top allocation sites (${results.engine} engine, last dataset, sampling heap profiler at interval 1: exact heap bytes)`,
    "",
    "| # | site | heap bytes | share |",
    "|---|---|---|---|",
    ...rows,
    "",
  ].join("\n");
}

/** Upstream's allocation counts per match, for comparison: ~500 / 2,500 / 7,500. */
export const UPSTREAM_ALLOCATIONS: Readonly<Record<string, number>> = {
  small: 500,
  medium: 2500,
  large: 7500,
};

const PHASE_LABELS: Readonly<Record<string, string>> = {
  validation: "validation",
  resolution: "name resolution + embedding lookup",
  pairs: "pair similarity",
  scoring: "Beta/interval scoring",
  assembly: "result assembly",
};

/** The phase table of one dataset, with the phases' sum next to the whole match it was measured against. */
export function formatPhases(results: MemoryResults, dataset: string): string[] {
  const d = results.datasets[dataset];
  if (d === undefined) return [];
  const rows = Object.entries(d.phases).map(
    ([k, p]) =>
      `| ${PHASE_LABELS[k] ?? k} | ${fmtBytes(p.allocatedBytes)} | ${p.allocationCount} | ${p.meanMs.toFixed(4)} ms |`,
  );
  const sum = Object.values(d.phases).reduce(
    (a, p) => ({ b: a.b + p.allocatedBytes, n: a.n + p.allocationCount, t: a.t + p.meanMs }),
    { b: 0, n: 0, t: 0 },
  );
  const pct = (x: number, y: number) => `${x >= y ? "+" : ""}${(((x - y) / y) * 100).toFixed(1)}%`;
  return [
    "| phase | allocated | allocations | median time |",
    "|---|---|---|---|",
    ...rows,
    `| **sum of phases** | ${fmtBytes(sum.b)} | ${sum.n} | ${sum.t.toFixed(4)} ms |`,
    `| whole match (measured) | ${fmtBytes(d.allocatedBytes)} | ${d.allocationCount} | ${d.meanMs.toFixed(4)} ms |`,
    `| sum − whole | ${pct(sum.b, d.allocatedBytes)} | ${pct(sum.n, d.allocationCount)} | ${pct(sum.t, d.meanMs)} |`,
  ];
}

/**
 * BASELINE_REPORT.md in the workflow's template: environment, memory per dataset (allocated, true peak,
 * counted allocations), phases, speed, growth, and the hotspots the profile shows.
 */
export function formatBaselineReport(results: MemoryResults): string {
  const e = results.env;
  const datasets = Object.entries(results.datasets);
  const rows = datasets.map(([name, d]) => {
    const skills = d.candidate + d.required;
    const avg = d.allocationCount > 0 ? d.allocatedBytes / d.allocationCount : 0;
    return `| ${name} | ${d.candidate}/${d.required} | ${fmtBytes(d.allocatedBytes)} | ${fmtPeak(d.peakBytes, d.peakResolutionBytes)} | ${d.allocationCount} (upstream ~${UPSTREAM_ALLOCATIONS[name] ?? "?"}) | ${avg.toFixed(0)} B | ${fmtBytes(d.allocatedBytes / skills)} | ${d.meanMs.toFixed(3)} ms | ${d.opsPerSec.toFixed(0)} |`;
  });
  const growth = results.growth;
  const first = growth[0];
  const last = growth[growth.length - 1];
  const exponent =
    first && last && last.size > first.size
      ? Math.log(last.allocatedBytes / first.allocatedBytes) / Math.log(last.size / first.size)
      : Number.NaN;
  const scaling = Number.isFinite(exponent)
    ? `bytes per match grow as size^${exponent.toFixed(2)} from ${first?.size} to ${last?.size} candidate skills (pairs grow as size^2)`
    : "growth series not run";
  return [
    `# Baseline report — ${results.engine} engine`,
    "",
    `Captured ${results.createdAt} at revision ${results.revision} with \`competency memory baseline\`. Method (docs/memory.md): one warm match = validation → name resolution with cached embeddings → engine → assembly; bytes are JS heap + external allocated per match with GCs inside accounted; the peak is the highest live heap above the start, an upper bound from shifted collections (the match repeated with scavenges placed 1 KiB apart over its allocation; the bound's slack is listed as its resolution); allocations are counted by the sampling heap profiler at interval 1; times are medians of 15 batches of ~20 ms.`,
    "",
    "## Test environment",
    "",
    `- Node ${e.node}, V8 ${e.v8}, ${e.platform}/${e.arch}`,
    `- CPU: ${e.cpu} × ${e.cores}; memory ${(e.memoryBytes / 2 ** 30).toFixed(1)} GiB; load average ${e.loadavg.map((x) => x.toFixed(2)).join(", ")} (shared machine: times depend on the load, bytes and counts do not)`,
    `- Allocator: ${results.allocator}; process RSS at end ${fmtBytes(results.process.rss)}, max RSS ${fmtBytes(results.process.maxRss)}`,
    "",
    "## Memory usage per dataset (one warm match, embeddings cached)",
    "",
    "| dataset | candidate/required | allocated | peak (resolution) | allocations (counted) | avg allocation | memory per skill | median time | ops/s |",
    "|---|---|---|---|---|---|---|---|---|",
    ...rows,
    "",
    ...datasets.flatMap(([name]) => [`## Phases (${name} dataset)`, "", ...formatPhases(results, name), ""]),
    "## Growth pattern (whole match)",
    "",
    "| candidate skills | required | allocated | peak (resolution) | median time |",
    "|---|---|---|---|---|",
    ...growth.map(
      (g) =>
        `| ${g.size} | ${g.size / 2} | ${fmtBytes(g.allocatedBytes)} | ${fmtPeak(g.peakBytes, g.peakResolutionBytes)} | ${g.meanMs.toFixed(3)} ms |`,
    ),
    "",
    "## Identified issues",
    "",
    `- Scaling: ${scaling}.`,
    ...results.topSites
      .slice(0, 5)
      .map((s) => `- Hotspot: \`${s.site}\` — ${(s.share * 100).toFixed(1)}% of allocated heap bytes.`),
    "",
  ].join("\n");
}
