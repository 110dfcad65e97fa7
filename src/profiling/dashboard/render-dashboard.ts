import { marked } from "marked";
import type { HistoryRun, LogEntry } from "./load-history.js";
import { byteTicks, logTicks } from "./log-ticks.js";

const W = 420;
const H = 240;
const LEFT = 64;
const PAD = 28;

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] as string,
  );
}

/** Bytes as B, KiB or MiB with three significant digits. */
export function formatBytes(b: number): string {
  if (b >= 2 ** 20) return `${(b / 2 ** 20).toPrecision(3)} MiB`;
  if (b >= 1024) return `${(b / 1024).toPrecision(3)} KiB`;
  return `${Math.round(b)} B`;
}

export type Panel = {
  readonly title: string;
  readonly values: readonly number[];
  readonly format: (v: number) => string;
  /** Our budget (solid red line). */
  readonly budget?: number;
  /** Ticks at powers of 4 bytes instead of 1, 2, 5 × 10^k. */
  readonly bytes?: boolean;
  /** Deterministic metric: a bar more than 5 % above the run before it is drawn red with its change. */
  readonly gated?: boolean;
};

/** Growth above this (fraction) marks a deterministic metric's bar as a regression. */
const REGRESSION = 0.05;

/**
 * One SVG bar chart on a log scale (so a 100× reduction leaves every bar visible), with labelled ticks and
 * our budget drawn as a line. Each bar carries data-value for tests.
 */
function chart(panel: Panel, labels: readonly string[], engines: readonly string[]): string {
  const positive = [...panel.values, panel.budget ?? 0].filter((v) => v > 0);
  const lo = 10 ** Math.floor(Math.log10(Math.min(...positive, 1e300)) - 0.3);
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...positive, 1)) + 0.1);
  const y = (v: number) =>
    H -
    PAD -
    ((Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * (H - 2 * PAD);
  const bw = (W - LEFT - 10) / Math.max(1, panel.values.length);
  const ticks = (panel.bytes === true ? byteTicks(lo, hi) : logTicks(lo, hi))
    .map(
      (t) =>
        `<line x1="${LEFT - 4}" x2="${W - 10}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#e4e4e4"/><text x="${LEFT - 6}" y="${(y(t) + 3).toFixed(1)}" font-size="10" text-anchor="end">${escapeHtml(panel.format(t))}</text>`,
    )
    .join("");
  const bars = panel.values
    .map((v, k) => {
      const x = LEFT + k * bw + bw * 0.15;
      const top = y(v);
      // A regression is growth over the previous run of the same engine: the reference baseline is upstream's
      // shape, so a bar for it next to an optimized run is a comparison, not a regression.
      let before = k - 1;
      while (before >= 0 && engines[before] !== engines[k]) before--;
      const prev = before >= 0 ? (panel.values[before] as number) : 0;
      const grew = panel.gated === true && prev > 0 && v > prev * (1 + REGRESSION);
      const change = grew
        ? `<text class="regression" x="${(x + bw * 0.35).toFixed(1)}" y="${(top - 16).toFixed(1)}" font-size="11" font-weight="700" fill="#c62828" text-anchor="middle">+${(((v - prev) / prev) * 100).toFixed(1)}%</text>`
        : "";
      return `${change}<rect class="bar${grew ? " regressed" : ""}" data-value="${v}" x="${x.toFixed(1)}" y="${top.toFixed(1)}" width="${(bw * 0.7).toFixed(1)}" height="${(H - PAD - top).toFixed(1)}" fill="${grew ? "#c62828" : "#3b6fb6"}"><title>${escapeHtml(labels[k] ?? "")}: ${escapeHtml(panel.format(v))}</title></rect><text x="${(x + bw * 0.35).toFixed(1)}" y="${(top - 4).toFixed(1)}" font-size="10" text-anchor="middle">${escapeHtml(panel.format(v))}</text><text x="${(x + bw * 0.35).toFixed(1)}" y="${H - PAD + 14}" font-size="10" text-anchor="middle">${escapeHtml(labels[k] ?? "")}</text>`;
    })
    .join("");
  const budget =
    panel.budget === undefined
      ? ""
      : `<line class="threshold" x1="${LEFT}" x2="${W - 10}" y1="${y(panel.budget).toFixed(1)}" y2="${y(panel.budget).toFixed(1)}" stroke="#c62828" stroke-width="2"/><text x="${W - 12}" y="${(y(panel.budget) - 5).toFixed(1)}" font-size="10" fill="#c62828" text-anchor="end">budget ${escapeHtml(panel.format(panel.budget))}</text>`;
  return `<figure class="chart"><figcaption>${escapeHtml(panel.title)} <small>(log scale)</small></figcaption><svg width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(panel.title)}">${ticks}<line x1="${LEFT}" x2="${LEFT}" y1="${PAD}" y2="${H - PAD}" stroke="#444"/><line x1="${LEFT}" x2="${W - 10}" y1="${H - PAD}" y2="${H - PAD}" stroke="#444"/>${bars}${budget}</svg></figure>`;
}

/**
 * One self-contained HTML page (inline SVG and CSS, no scripts, no network): per dataset, panels for peak,
 * bytes allocated, counted allocations and median time over the runs, each on its own log scale with our
 * budgets drawn; the runs with their dates and git revisions; and the optimisation log rendered from Markdown.
 */
export function renderDashboard(
  runs: readonly HistoryRun[],
  log: readonly LogEntry[],
  budgetsMib: Readonly<Record<string, number>>,
  upstreamMib: Readonly<Record<string, number>>,
): string {
  const labels = runs.map((r) => r.label);
  const engines = runs.map((r) => r.results.engine);
  const datasets = [...new Set(runs.flatMap((r) => Object.keys(r.results.datasets)))];
  const metric = (d: string, f: (x: NonNullable<HistoryRun["results"]["datasets"][string]>) => number) =>
    runs.map((r) => {
      const x = r.results.datasets[d];
      return x === undefined ? 0 : f(x);
    });
  const charts = datasets
    .map((d) => {
      const budget = budgetsMib[d] === undefined ? undefined : (budgetsMib[d] as number) * 2 ** 20;
      const panels: Panel[] = [
        {
          title: `${d}: peak live heap per match`,
          values: metric(d, (x) => x.peakBytes),
          format: formatBytes,
          bytes: true,
          gated: true,
          ...(budget === undefined ? {} : { budget }),
        },
        {
          title: `${d}: bytes allocated per match`,
          values: metric(d, (x) => x.allocatedBytes),
          format: formatBytes,
          bytes: true,
          gated: true,
        },
        {
          title: `${d}: allocations per match (counted)`,
          values: metric(d, (x) => x.allocationCount),
          format: (v) => Math.round(v).toLocaleString("en-US"),
          gated: true,
        },
        {
          title: `${d}: median time per match`,
          values: metric(d, (x) => x.meanMs),
          format: (v) => `${v.toPrecision(3)} ms`,
        },
      ];
      return `<section class="dataset"><h2>${escapeHtml(d)}</h2>${panels.map((p) => chart(p, labels, engines)).join("")}</section>`;
    })
    .join("");
  const runRows = runs
    .map(
      (r) =>
        `<tr><td>${escapeHtml(r.label)}</td><td>${escapeHtml(r.results.engine)}</td><td>${escapeHtml(r.results.createdAt)}</td><td><code>${escapeHtml(r.results.revision)}</code></td><td>${escapeHtml(r.results.env.loadavg.map((x) => x.toFixed(2)).join(", "))}</td></tr>`,
    )
    .join("");
  const budgets = Object.entries(budgetsMib)
    .map(([k, v]) => `${k} ${formatBytes(v * 2 ** 20)}`)
    .join(", ");
  const upstream = Object.entries(upstreamMib)
    .map(([k, v]) => `${k} ${v} MiB`)
    .join(", ");
  const history = log
    .map((e) => `<li><h3>${escapeHtml(e.title)}</h3>${marked.parse(e.body, { async: false })}</li>`)
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>competency-api memory dashboard</title><style>body{font:14px system-ui,sans-serif;margin:24px;color:#222}section.dataset{display:flex;flex-wrap:wrap;gap:12px;align-items:flex-start}h2{width:100%;margin:16px 0 0}figure{margin:0;border:1px solid #ddd;padding:6px}figcaption{font-weight:600;margin-bottom:4px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}ol.history li{margin-bottom:12px}pre{white-space:pre-wrap;background:#f6f6f6;padding:8px}</style></head><body><h1>competency-api memory dashboard</h1><table class="runs"><tr><th>run</th><th>engine</th><th>date</th><th>revision</th><th>load average</th></tr>${runRows}</table><p>Red line: our budget per warm match (${escapeHtml(budgets)}; the CI gate). Upstream's alert levels are ${escapeHtml(upstream)}, far above every bar. Bytes, peak and counts do not depend on the machine's load (two fresh runs of the same code differ by up to ~7 % in bytes and ~15 % in counts); times do. Method: docs/memory.md.</p>${charts}<h2>Optimisation history</h2><ol class="history">${history || "<li>No OPTIMIZATION_LOG.md entries.</li>"}</ol></body></html>\n`;
}
