/**
 * Page-load and Match timings of the playground in headless Chromium (from npm) against the service on
 * 127.0.0.1 with the real default model: N fresh-context loads of `/` and M Match clicks on the example.
 * Prints one JSON line with min / median / max and the load average. Usage: npm run bench:playground [-- N M]
 */
import { loadavg } from "node:os";
import { createMatcher } from "../src/index.js";
import { startServer } from "../src/service/server.js";
import { resolveServiceOptions } from "../src/service/service-options.js";
import { launchBrowser } from "../test/helpers/launch-browser.js";

const loads = Number(process.argv[2] ?? 10);
const clicks = Number(process.argv[3] ?? 20);
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    n: s.length,
    min: r(s[0] ?? 0),
    median: r(s[Math.floor(s.length / 2)] ?? 0),
    max: r(s.at(-1) ?? 0),
  };
};

const matcher = createMatcher();
const server = await startServer({
  matcher,
  options: resolveServiceOptions({ port: 0, logLevel: "silent", rateLimitMax: 0 }),
});
await matcher.ready();
await fetch(`${server.url}/`); // bundles the page once
const browser = await launchBrowser();
const loadAverageBefore = loadavg();
const bytes: number[] = [];
const interactive: number[] = [];
try {
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForSelector("body[data-ready]");
    const m = (await page.evaluate(`(() => {
      const nav = performance.getEntriesByType("navigation")[0];
      const res = performance.getEntriesByType("resource");
      return [nav.transferSize + res.reduce((s, r) => s + r.transferSize, 0),
        performance.getEntriesByName("playground:interactive")[0].startTime];
    })()`)) as [number, number];
    bytes.push(m[0]);
    interactive.push(m[1]);
    await context.close();
  }
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.waitForSelector("body[data-ready]");
  const plot: number[] = [];
  const paint: number[] = [];
  for (let i = 1; i <= clicks; i++) {
    await page.getByRole("button", { name: "Match", exact: true }).click();
    await page.locator(`#results[data-painted="${i}"]`).waitFor({ state: "attached" });
    const [p, q] = (await page.evaluate(
      `[performance.getEntriesByName("match:click-to-plot").at(-1).duration, performance.getEntriesByName("match:click-to-paint").at(-1).duration]`,
    )) as [number, number];
    if (i > 1) plot.push(p); // the first click is the process's first match (JIT, first embeddings)
    if (i > 1) paint.push(q);
    if (i === 1) process.stderr.write(`first click: plot ${p.toFixed(1)} ms, paint ${q.toFixed(1)} ms\n`);
  }
  await context.close();
  const line = {
    firstLoadBytes: stats(bytes),
    interactiveMs: stats(interactive),
    clickToPlotMs: stats(plot),
    clickToPaintMs: stats(paint),
    loadAverage: [loadAverageBefore[0] ?? 0, loadavg()[0] ?? 0].map((x) => Math.round(x * 100) / 100),
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
} finally {
  await browser.close();
  await server.close();
}
