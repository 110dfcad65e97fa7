import type { CaseResult, EvalReport, MetricSummary } from "./types.js";

/** Formats a metric with three decimals; undefined metrics print as "-". */
function fixed(value: number): string {
  return Number.isNaN(value) ? "-" : value.toFixed(3);
}

function row(name: string, m: MetricSummary): string {
  return `${name.padEnd(20)}${String(m.cases).padStart(6)}${fixed(m.pairwiseAccuracy).padStart(10)}${fixed(m.meanReciprocalRank).padStart(8)}${fixed(m.ndcg).padStart(8)}\n`;
}

function worstCase(r: CaseResult): string {
  let out = `\n${r.id} (${r.theme}): pairwise ${fixed(r.pairwiseAccuracy)}, RR ${fixed(r.reciprocalRank)}, nDCG ${fixed(r.ndcg)}\n`;
  out += `  ${r.note}\n`;
  out += `  ranking: ${r.candidates.map((c) => `${c.label}[g${c.grade}] ${c.score.toFixed(3)}`).join(" > ")}\n`;
  for (const m of r.misordered) {
    out += `  wrong: ${m.better} (${m.betterScore.toFixed(3)}) should beat ${m.worse} (${m.worseScore.toFixed(3)})\n`;
  }
  return out;
}

/**
 * Renders a report as plain text: one table row per theme and an overall row (cases, pairwise accuracy,
 * MRR, nDCG@all), then the worst cases with their ranking and every misordered pair.
 */
export function formatReport(report: EvalReport): string {
  let out = `${"theme".padEnd(20)}${"cases".padStart(6)}${"pairwise".padStart(10)}${"MRR".padStart(8)}${"nDCG".padStart(8)}\n`;
  for (const theme of report.themes) out += row(theme.theme, theme);
  out += row("overall", report.overall);
  if (report.worst.length > 0) {
    out += `\nworst ${report.worst.length} cases (scores are overallScore; g = judged grade):\n`;
    for (const r of report.worst) out += worstCase(r);
  }
  return out;
}
