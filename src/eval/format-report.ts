import type { CaseResult, EvalReport, EvalSetReport, MetricSummary } from "./types.js";

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

/**
 * Renders one named fixture set: a heading with the directory and the case count, the metric table and
 * worst cases of `formatReport`, the marked false friends that scored at or above the real skill, and the
 * disputed cases (excluded from the metrics) with their reasons.
 */
export function formatSetReport(set: EvalSetReport): string {
  const scored = set.report.overall.cases;
  let out = `== ${set.name} set (${set.dir}): ${scored} cases scored, ${set.disputed.length} disputed\n`;
  out += formatReport(set.report);
  out += `\n${set.name}: false friends scored at or above the real skill: ${set.falseFriendsAbove.length === 0 ? "none" : set.falseFriendsAbove.length}\n`;
  if (set.hidden === true && (set.report.overall.pairwiseAccuracy < 1 || set.falseFriendsAbove.length > 0))
    out += `  (case names hidden: this set is held out; npm run eval -- --reveal-held-out lists them)\n`;
  else
    for (const h of set.falseFriendsAbove) {
      out += `  ${h.caseId}: ${h.falseFriend} (${h.falseFriendScore.toFixed(3)}) >= ${h.real}[g${h.realGrade}] (${h.realScore.toFixed(3)})\n`;
    }
  out += `${set.name}: disputed cases (excluded from the score): ${set.disputed.length === 0 ? "none" : set.disputed.length}\n`;
  for (const d of set.disputed) out += `  ${d.id}: ${d.reason}\n`;
  return out;
}

/** Renders several sets one after the other (see `formatSetReport`), separated by a blank line. */
export function formatSetReports(sets: readonly EvalSetReport[]): string {
  return sets.map(formatSetReport).join("\n");
}
