import type { HistoryRun, LogEntry } from "./load-history.js";

const W = 520;
const H = 220;
const PAD = 44;

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] as string,
  );
}

/** One SVG bar chart: a bar per run, a dashed red threshold line when given. Values in `unit`. */
function chart(
  title: string,
  unit: string,
  labels: readonly string[],
  values: readonly number[],
  threshold?: number,
): string {
  const max = Math.max(...values, threshold ?? 0) * 1.15 || 1;
  const bw = (W - 2 * PAD) / Math.max(1, values.length);
  const y = (v: number) => H - PAD - (v / max) * (H - 2 * PAD);
  const bars = values
    .map((v, k) => {
      const x = PAD + k * bw + bw * 0.15;
      return `<rect class="bar" x="${x.toFixed(1)}" y="${y(v).toFixed(1)}" width="${(bw * 0.7).toFixed(1)}" height="${(H - PAD - y(v)).toFixed(1)}" fill="#3b6fb6"><title>${escapeHtml(labels[k] ?? "")}: ${v.toPrecision(4)} ${unit}</title></rect><text x="${(x + bw * 0.35).toFixed(1)}" y="${(y(v) - 4).toFixed(1)}" font-size="10" text-anchor="middle">${v.toPrecision(3)}</text><text x="${(x + bw * 0.35).toFixed(1)}" y="${H - PAD + 14}" font-size="10" text-anchor="middle">${escapeHtml(labels[k] ?? "")}</text>`;
    })
    .join("");
  const line =
    threshold === undefined
      ? ""
      : `<line class="threshold" x1="${PAD}" x2="${W - PAD}" y1="${y(threshold).toFixed(1)}" y2="${y(threshold).toFixed(1)}" stroke="#c62828" stroke-dasharray="6 4" stroke-width="2"/><text x="${W - PAD}" y="${(y(threshold) - 5).toFixed(1)}" font-size="10" fill="#c62828" text-anchor="end">threshold ${threshold} ${unit}</text>`;
  return `<figure class="chart"><figcaption>${escapeHtml(title)}</figcaption><svg width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(title)}"><line x1="${PAD}" x2="${PAD}" y1="${PAD / 2}" y2="${H - PAD}" stroke="#444"/><line x1="${PAD}" x2="${W - PAD}" y1="${H - PAD}" y2="${H - PAD}" stroke="#444"/><text x="6" y="${PAD / 2}" font-size="10">${unit}</text>${bars}${line}</svg></figure>`;
}

/**
 * One self-contained HTML page (inline SVG, no scripts, no network): per dataset the bytes allocated per
 * match and the allocation count over the runs, thresholds drawn, and the optimisation history.
 */
export function renderDashboard(
  runs: readonly HistoryRun[],
  log: readonly LogEntry[],
  thresholdsMb: Readonly<Record<string, number>>,
): string {
  const labels = runs.map((r) => `${r.label} (${r.results.engine})`);
  const datasets = [...new Set(runs.flatMap((r) => Object.keys(r.results.datasets)))];
  const charts = datasets
    .map((d) => {
      const kib = runs.map((r) => (r.results.datasets[d]?.peakBytes ?? 0) / 1024);
      const count = runs.map((r) => r.results.datasets[d]?.allocationCount ?? 0);
      const limit = thresholdsMb[d];
      return `<section class="dataset"><h2>${escapeHtml(d)}</h2>${chart(`${d}: peak heap per match`, "KiB", labels, kib, limit === undefined ? undefined : limit * 1024)}${chart(`${d}: allocations per match (estimated)`, "allocations", labels, count)}</section>`;
    })
    .join("");
  const history = log
    .map((e) => `<li><strong>${escapeHtml(e.title)}</strong><pre>${escapeHtml(e.body)}</pre></li>`)
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>competency-api memory dashboard</title><style>body{font:14px system-ui,sans-serif;margin:24px;color:#222}section.dataset{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}h2{width:100%;margin:16px 0 0}figure{margin:0;border:1px solid #ddd;padding:8px}figcaption{font-weight:600;margin-bottom:4px}pre{white-space:pre-wrap;background:#f6f6f6;padding:8px}</style></head><body><h1>competency-api memory dashboard</h1><p>${runs.length} run(s): ${escapeHtml(labels.join(", "))}. Thresholds: ${escapeHtml(
    Object.entries(thresholdsMb)
      .map(([k, v]) => `${k} ${v} MB`)
      .join(", "),
  )}.</p>${charts}<h2>Optimisation history</h2><ol class="history">${history || "<li>No OPTIMIZATION_LOG.md entries.</li>"}</ol></body></html>\n`;
}
