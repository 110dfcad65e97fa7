import type { MatchResult } from "../core/types.js";
import { escapeNonPrintable as clean } from "../validate/escape-non-printable.js";

const fix = (x: number): string => x.toFixed(2);

/** Pads each column to its widest cell (code points, not bytes) and joins with two spaces. */
export function alignColumns(
  rows: readonly (readonly string[])[],
  rightAligned: ReadonlySet<number>,
): string {
  const widths: number[] = [];
  for (const row of rows) {
    for (let k = 0; k < row.length; k++) widths[k] = Math.max(widths[k] ?? 0, [...(row[k] ?? "")].length);
  }
  return rows
    .map((row) =>
      row
        .map((cell, k) => {
          const pad = " ".repeat((widths[k] ?? 0) - [...cell].length);
          return rightAligned.has(k) ? pad + cell : cell + pad;
        })
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/**
 * Human-readable rendering of a match: header line, one aligned row per required skill, gaps, explanations.
 * Every name and explanation goes through escapeNonPrintable: validation refuses controls in names, but a
 * result built elsewhere may carry anything, and this text goes to a terminal.
 */
export function formatTable(result: MatchResult, explain: boolean): string {
  const head = `Overall ${fix(result.overallScore)}  95% [${fix(result.overallInterval.lower)}, ${fix(result.overallInterval.upper)}]  strategy ${result.strategy}`;
  const rows: string[][] = [
    ["Required skill", "Score", "95% interval", "Best match", "Similarity", "Relation", "Evidence"],
  ];
  for (const s of result.skillScores) {
    // A best match with relation "none" is only the least-unrelated skill; the table shows it as absent.
    const best = s.bestMatch?.relation === "none" ? null : s.bestMatch;
    rows.push([
      clean(s.skillName),
      fix(s.probability),
      `[${fix(s.confidenceInterval.lower)}, ${fix(s.confidenceInterval.upper)}]`,
      best === null ? "—" : clean(best.skillName),
      best === null ? "—" : fix(best.similarity),
      best === null ? "none" : best.relation,
      s.evidence,
    ]);
  }
  let out = `${head}\n\n${alignColumns(rows, new Set([1, 4]))}\n`;
  if (result.gaps.length > 0) {
    out += `\nGaps (by impact on the overall score):\n`;
    for (const g of result.gaps)
      out += `  ${clean(g.skillName)}: score ${fix(g.probability)}, impact +${fix(g.impact)}\n`;
  }
  if (result.unmetMustHaves.length > 0)
    out += `\nUnmet must-haves (overall capped below 0.5): ${result.unmetMustHaves.join(", ")}\n`;
  if (explain) out += `\nExplanations:\n${formatExplanations(result)}`;
  return out;
}

/** One `skill: explanation` line per required skill. */
export function formatExplanations(result: MatchResult): string {
  let out = "";
  for (const s of result.skillScores) out += `  ${clean(s.skillName)}: ${clean(s.explanation)}\n`;
  return out;
}
