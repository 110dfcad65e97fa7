import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS_MB } from "../../src/profiling/check-thresholds.js";
import { renderDashboard } from "../../src/profiling/dashboard/render-dashboard.js";
import type { MemoryResults } from "../../src/profiling/results-types.js";
import { launchBrowser } from "../helpers/launch-browser.js";
import { pngStats } from "../helpers/png-stats.js";

function results(engine: "reference" | "optimized", kib: number, createdAt: string): MemoryResults {
  const d = (scale: number) => ({
    candidate: 10 * scale,
    required: 5 * scale,
    peakBytes: kib * 1024 * scale,
    allocatedBytes: kib * 1024 * scale,
    allocationCount: 60 * scale,
    meanMs: 0.1 * scale,
    opsPerSec: 10 / scale,
  });
  return {
    schemaVersion: 1,
    createdAt,
    engine,
    allocator: "default",
    env: {
      node: "v20",
      v8: "11",
      platform: "linux",
      arch: "x64",
      cpu: "cpu",
      cores: 2,
      memoryBytes: 1,
      loadavg: [0, 0, 0],
    },
    datasets: { small: d(1), medium: d(5), large: d(10) },
    components: {
      embedding: { allocatedBytes: 1, meanMs: 1 },
      similarity: { allocatedBytes: 1, meanMs: 1 },
      scoring: { allocatedBytes: 1, meanMs: 1 },
    },
    growth: [],
    process: { rss: 1, maxRss: 1, external: 1, arrayBuffers: 1 },
    topSites: [],
  };
}

describe("memory dashboard", () => {
  const html = renderDashboard(
    [
      { label: "baseline", results: results("reference", 300, "2026-11-25T01:00:00Z") },
      { label: "current", results: results("optimized", 18, "2026-11-25T02:00:00Z") },
    ],
    [{ title: "Flat typed arrays", body: "large: 5.5 MB → 0.18 MB" }],
    DEFAULT_THRESHOLDS_MB,
  );

  it("is one static page with a chart per dataset and metric, thresholds and the history", () => {
    expect(html).not.toMatch(/<script|https?:\/\//);
    expect(html.match(/<svg /g)).toHaveLength(6);
    expect(html.match(/class="threshold"/g)).toHaveLength(3);
    expect(html).toContain("Flat typed arrays");
  });

  it("renders in headless Chromium as a non-blank page", async () => {
    const dir = mkdtempSync(join(tmpdir(), "competency-dashboard-"));
    const page = join(dir, "dashboard.html");
    const shot = join(dir, "shot.png");
    writeFileSync(page, html);
    const browser = await launchBrowser();
    try {
      const tab = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      await tab.goto(`file://${page}`);
      await tab.screenshot({ path: shot });
    } finally {
      await browser.close();
    }
    const stats = pngStats(readFileSync(shot));
    expect(stats.width).toBe(1200);
    expect(stats.distinctColours).toBeGreaterThan(20);
    expect(stats.nonWhiteShare).toBeGreaterThan(0.02);
  });
});
