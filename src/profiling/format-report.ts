import type { MemoryResults } from "./results-types.js";

const KIB = 1024;
const fmtBytes = (b: number) =>
  b >= 1024 * KIB ? `${(b / (1024 * KIB)).toFixed(2)} MiB` : `${(b / KIB).toFixed(1)} KiB`;

/** The allocation-sites table: the sampled call sites with the most bytes, as Markdown. */
export function formatAllocationSites(results: MemoryResults): string {
  const rows = results.topSites.map(
    (s, k) => `| ${k + 1} | \`${s.site}\` | ${fmtBytes(s.bytes)} | ${(s.share * 100).toFixed(1)}% |`,
  );
  return [
    `# Top allocation sites (${results.engine} engine, last dataset, sampling heap profiler)`,
    "",
    "| # | site | sampled bytes | share |",
    "|---|---|---|---|",
    ...rows,
    "",
  ].join("\n");
}

/**
 * BASELINE_REPORT.md in the workflow's template: environment, memory per dataset, peak/total/average
 * allocation and memory per skill, speed, and the issues the profile and the growth series show.
 */
export function formatBaselineReport(results: MemoryResults): string {
  const e = results.env;
  const datasets = Object.entries(results.datasets);
  const rows = datasets.map(([name, d]) => {
    const skills = d.candidate + d.required;
    const avg = d.allocationCount > 0 ? d.allocatedBytes / d.allocationCount : 0;
    return `| ${name} | ${d.candidate}/${d.required} | ${fmtBytes(d.allocatedBytes)} | ${fmtBytes(d.peakBytes)} | ${d.allocationCount} | ${avg.toFixed(0)} B | ${fmtBytes(d.allocatedBytes / skills)} | ${d.meanMs.toFixed(3)} ms | ${d.opsPerSec.toFixed(0)} |`;
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
    `Captured ${results.createdAt} with \`competency memory baseline\`. Method: docs/memory.md (GC-free windows, heap settled, harness overhead subtracted; allocation counts from the sampling heap profiler).`,
    "",
    "## Test environment",
    "",
    `- Node ${e.node}, V8 ${e.v8}, ${e.platform}/${e.arch}`,
    `- CPU: ${e.cpu} × ${e.cores}; memory ${(e.memoryBytes / 2 ** 30).toFixed(1)} GiB; load average ${e.loadavg.map((x) => x.toFixed(2)).join(", ")}`,
    `- Allocator: ${results.allocator}; process RSS at end ${fmtBytes(results.process.rss)}, max RSS ${fmtBytes(results.process.maxRss)}`,
    "",
    "## Memory usage per dataset (one warm match, embeddings cached)",
    "",
    "| dataset | candidate/required | allocated | peak | allocations (est.) | avg allocation | memory per skill | mean time | ops/s |",
    "|---|---|---|---|---|---|---|---|---|",
    ...rows,
    "",
    "## Components (large dataset)",
    "",
    "| component | allocated | mean time |",
    "|---|---|---|",
    ...Object.entries(results.components).map(
      ([k, c]) => `| ${k} | ${fmtBytes(c.allocatedBytes)} | ${c.meanMs.toFixed(3)} ms |`,
    ),
    "",
    "## Growth pattern",
    "",
    "| candidate skills | required | allocated | mean time |",
    "|---|---|---|---|",
    ...growth.map(
      (g) => `| ${g.size} | ${g.size / 2} | ${fmtBytes(g.allocatedBytes)} | ${g.meanMs.toFixed(3)} ms |`,
    ),
    "",
    "## Identified issues",
    "",
    `- Scaling: ${scaling}.`,
    ...results.topSites
      .slice(0, 5)
      .map((s) => `- Hotspot: \`${s.site}\` — ${(s.share * 100).toFixed(1)}% of sampled bytes.`),
    "",
  ].join("\n");
}
