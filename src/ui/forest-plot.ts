/**
 * The forest plot: one row per required skill with its probability as a dot and the 95 % interval as a
 * bar. Evidence is carried three ways at once: colour, marker shape and the written word.
 */
import type { Evidence, SkillScore } from "../core/types.js";
import { fmt, s } from "./dom.js";

const WIDTH = 960;
const HEAD = 34;
const ROW = 64;
const FOOT = 34;
const X0 = 330;
const X1 = 690;
const MAX_EXPLANATION = 150;
const TICKS = [0, 0.25, 0.5, 0.75, 1];

export type PlotRow = SkillScore & { readonly mustHave: boolean; readonly unmet: boolean };

const xOf = (p: number) => X0 + (X1 - X0) * Math.min(1, Math.max(0, p));

/** The marker for one kind of evidence: circle (direct), diamond (related), hollow square (none). */
function marker(evidence: Evidence, cx: number, cy: number): SVGElement {
  if (evidence === "direct") return s("circle", { cx, cy, r: 6.5, class: "marker ev-direct" });
  if (evidence === "related") {
    const d = `M${cx} ${cy - 8}L${cx + 8} ${cy}L${cx} ${cy + 8}L${cx - 8} ${cy}Z`;
    return s("path", { d, class: "marker ev-related" });
  }
  return s("rect", { x: cx - 5.5, y: cy - 5.5, width: 11, height: 11, class: "marker ev-none" });
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function bestMatchText(row: PlotRow): string {
  const best = row.bestMatch;
  if (best === null || best.relation === "none") return "best match: none";
  return `best match: ${best.skillName} (${best.relation}, similarity ${fmt(best.similarity)})`;
}

function plotRow(row: PlotRow, k: number): SVGGElement {
  const y = HEAD + k * ROW;
  const cy = y + 20;
  const { lower, upper } = row.confidenceInterval;
  const g = s(
    "g",
    { class: `row${row.unmet ? " unmet" : ""}`, "data-skill": row.skillName },
    s("title", {}, `${row.skillName}: ${row.explanation}`),
    s(
      "text",
      { x: 8, y: y + 18, class: "name" },
      clip(row.skillName, 30),
      row.mustHave && s("tspan", { class: "must" }, "  must-have"),
      row.unmet && s("tspan", { class: "unmet-tag" }, "  UNMET"),
    ),
    s("text", { x: 8, y: y + 37, class: "best" }, clip(bestMatchText(row), 52)),
    s("text", { x: 8, y: y + 56, class: "explanation" }, clip(row.explanation, MAX_EXPLANATION)),
    s("line", { x1: xOf(lower), x2: xOf(upper), y1: cy, y2: cy, class: `bar ev-${row.evidence}` }),
    s("line", { x1: xOf(lower), x2: xOf(lower), y1: cy - 6, y2: cy + 6, class: `bar ev-${row.evidence}` }),
    s("line", { x1: xOf(upper), x2: xOf(upper), y1: cy - 6, y2: cy + 6, class: `bar ev-${row.evidence}` }),
    marker(row.evidence, xOf(row.probability), cy),
    s("text", { x: X1 + 22, y: y + 18, class: `evidence ev-${row.evidence}` }, row.evidence),
    s(
      "text",
      { x: X1 + 22, y: y + 37, class: "numbers" },
      `${fmt(row.probability)} [${fmt(lower)}, ${fmt(upper)}]`,
    ),
  );
  return g;
}

function axis(height: number, overall: number): SVGElement[] {
  const out: SVGElement[] = [];
  for (const t of TICKS) {
    const x = xOf(t);
    out.push(s("line", { x1: x, x2: x, y1: HEAD - 6, y2: height - FOOT, class: "grid" }));
    out.push(s("text", { x, y: HEAD - 12, class: "tick" }, String(t)));
  }
  const x = xOf(overall);
  out.push(s("line", { x1: x, x2: x, y1: HEAD - 4, y2: height - FOOT, class: "overall-line" }));
  return out;
}

function legend(y: number): SVGElement {
  const items: [Evidence, string][] = [
    ["direct", "direct evidence"],
    ["related", "related evidence"],
    ["none", "no evidence"],
  ];
  return s(
    "g",
    { class: "legend" },
    ...items.map(([evidence, label], k) => {
      const x = X0 + k * 150;
      return s(
        "g",
        {},
        marker(evidence, x, y),
        s("text", { x: x + 14, y: y + 4, class: `legend-label ev-${evidence}` }, label),
      );
    }),
    s("text", { x: 8, y: y + 4, class: "legend-label" }, "bar = 95 % interval; dashed = overall"),
  );
}

/** The plot as one SVG element; its text is also given as a table next to it for screen readers. */
export function forestPlot(rows: readonly PlotRow[], overall: number): SVGSVGElement {
  const height = HEAD + rows.length * ROW + FOOT;
  return s(
    "svg",
    {
      viewBox: `0 0 ${WIDTH} ${height}`,
      width: "100%",
      class: "forest-plot",
      role: "img",
      "aria-label": `Forest plot: probability and 95 % interval for each of ${rows.length} required skills, with evidence and best match. The same data is in the table below.`,
      "data-testid": "forest-plot",
    },
    ...rows.map(
      (_, k) =>
        k % 2 === 0 && s("rect", { x: 0, y: HEAD + k * ROW, width: WIDTH, height: ROW, class: "stripe" }),
    ),
    ...axis(height, overall),
    ...rows.map(plotRow),
    legend(height - FOOT / 2),
  );
}
