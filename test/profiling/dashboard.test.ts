import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUDGETS_MIB, DEFAULT_THRESHOLDS_MB } from "../../src/profiling/check-thresholds.js";
import { renderDashboard } from "../../src/profiling/dashboard/render-dashboard.js";
import type { MemoryResults } from "../../src/profiling/results-types.js";
import { launchBrowser } from "../helpers/launch-browser.js";
import { pngStats } from "../helpers/png-stats.js";

/** Results shaped like ours: the reference engine ~80× the optimized one. */
function results(
  engine: "reference" | "optimized",
  kib: number,
  createdAt: string,
  revision: string,
): MemoryResults {
  const d = (scale: number) => ({
    candidate: 10 * scale,
    required: 5 * scale,
    peakBytes: kib * 1024 * scale,
    allocatedBytes: kib * 1024 * scale,
    allocationCount: 60 * scale,
    meanMs: 0.1 * scale,
    timeSamplesMs: [0.1 * scale],
    opsPerSec: 10 / scale,
    gcs: 0,
    phases: {},
  });
  return {
    schemaVersion: 2,
    createdAt,
    revision,
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
      loadavg: [1, 2, 3],
    },
    datasets: { small: d(1), medium: d(5), large: d(10) },
    growth: [],
    process: { rss: 1, maxRss: 1, external: 1, arrayBuffers: 1 },
    topSites: [],
  };
}

const baseline = {
  label: "baseline",
  results: results("reference", 1200, "2026-11-25T01:00:00Z", "aaa1111"),
};
const current = { label: "current", results: results("optimized", 15, "2026-11-25T02:00:00Z", "bbb2222") };
const regressed = {
  label: "regressed",
  results: results("optimized", 16.5, "2026-11-25T03:00:00Z", "ccc3333"),
};
const log = [
  {
    title: "Flat typed arrays",
    body: "| dataset | before | after |\n|---|---|---|\n| large | 5.5 MB | 0.18 MB |\n\n**Why**: no per-pair `Map`.",
  },
];

async function screenshot(html: string, shot: string): Promise<{ heights: number[]; regressions: number }> {
  const dir = mkdtempSync(join(tmpdir(), "competency-dashboard-"));
  const page = join(dir, "dashboard.html");
  writeFileSync(page, html);
  const browser = await launchBrowser();
  try {
    const tab = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await tab.goto(`file://${page}`);
    await tab.screenshot({ path: shot });
    const heights = await tab.$$eval("rect.bar", (rects) =>
      rects.map((r) => r.getBoundingClientRect().height),
    );
    const regressions = await tab.$$eval("rect.bar.regressed", (rects) => rects.length);
    return { heights, regressions };
  } finally {
    await browser.close();
  }
}

describe("memory dashboard", () => {
  const html = renderDashboard([baseline, current], log, BUDGETS_MIB, DEFAULT_THRESHOLDS_MB);

  it("is one static page: four log-scale panels per dataset, our budgets, dates, revisions and the log as HTML", () => {
    expect(html).not.toMatch(/<script|https?:\/\//);
    expect(html.match(/<svg /g)).toHaveLength(12);
    expect(html.match(/class="threshold"/g)).toHaveLength(3);
    expect(html).toContain("budget 32.0 KiB");
    expect(html).toContain("bbb2222");
    expect(html).toContain("2026-11-25T02:00:00Z");
    expect(html).toContain("<table>");
    expect(html).not.toContain("|---|");
    expect(html).toMatch(/median time per match/);
  });

  it("draws every optimized bar more than 10 px tall in headless Chromium", async () => {
    const shot = join(mkdtempSync(join(tmpdir(), "competency-shot-")), "shot.png");
    const { heights } = await screenshot(html, shot);
    expect(heights).toHaveLength(24);
    // Bars alternate baseline, current per panel.
    for (let k = 1; k < heights.length; k += 2) expect(heights[k]).toBeGreaterThan(10);
    const stats = pngStats(readFileSync(shot));
    expect(stats.width).toBe(1400);
    expect(stats.nonWhiteShare).toBeGreaterThan(0.02);
  });

  // The committed dashboard of the real workflow, the one the README shows: every bar drawn, none flat.
  it("renders the committed profiling_results/dashboard.html with every bar visible", async () => {
    const shot = join(mkdtempSync(join(tmpdir(), "competency-shot-")), "shot.png");
    const { heights } = await screenshot(readFileSync("profiling_results/dashboard.html", "utf8"), shot);
    expect(heights.length).toBeGreaterThanOrEqual(24);
    for (const h of heights) expect(h).toBeGreaterThan(2);
    if (process.env.UPDATE_DASHBOARD_PNG === "1") {
      writeFileSync("docs/dashboard.png", readFileSync(shot));
      expect(statSync("docs/dashboard.png").size).toBeLessThan(300 * 1024);
    }
  });

  it("shows a 10 % byte regression at a glance: the bar turns red with its change", async () => {
    const worse = renderDashboard([baseline, current, regressed], log, BUDGETS_MIB, DEFAULT_THRESHOLDS_MB);
    expect(worse).toContain("+10.0%");
    const shot = join(mkdtempSync(join(tmpdir(), "competency-shot-")), "shot.png");
    const { regressions } = await screenshot(worse, shot);
    // Peak and bytes of each of the three datasets (the counts did not change).
    expect(regressions).toBe(6);
  });

  it("compares a run only with the previous run of the same engine: a later reference baseline is no regression", () => {
    const laterBaseline = {
      ...baseline,
      results: { ...baseline.results, createdAt: "2026-11-25T04:00:00Z" },
    };
    const html = renderDashboard(
      [current, laterBaseline, regressed],
      log,
      BUDGETS_MIB,
      DEFAULT_THRESHOLDS_MB,
    );
    // Only the optimized regressed run (peak and bytes of three datasets) is red, not the reference one.
    expect(html.match(/class="bar regressed"/g)).toHaveLength(6);
    expect(html).toContain("+10.0%"); // regressed over current, across the reference bar between them
    expect(html).not.toContain("+7900.0%"); // reference over optimized: a comparison, not a regression
  });
});
