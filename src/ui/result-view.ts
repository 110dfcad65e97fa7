/** Renders a MatchResult: the overall score, unmet must-haves, the forest plot, a table view and the gaps. */
import { byId, fmt, h } from "./dom.js";
import { forestPlot, type PlotRow } from "./forest-plot.js";
import type { MatchRequest, PageResult } from "./types.js";

export function renderResult(result: PageResult, request: MatchRequest): void {
  const score = byId("overall-score");
  score.textContent = fmt(result.overallScore, 3);
  score.dataset.value = String(result.overallScore);
  const { lower, upper } = result.overallInterval;
  byId("overall-interval").textContent = `95 % interval ${fmt(lower, 3)} – ${fmt(upper, 3)}`;
  byId("overall-meta").textContent =
    `strategy ${result.strategy} · ${result.meta.engine} engine · ${result.meta.embedder} · ${result.meta.lexiconVersion}`;

  const unmet = new Set(result.unmetMustHaves ?? []);
  const unmetBox = byId("unmet");
  unmetBox.hidden = unmet.size === 0;
  unmetBox.replaceChildren(
    h("strong", {}, `Unmet must-have${unmet.size === 1 ? "" : "s"}: `),
    [...unmet].join(", "),
    ". A must-have counts as met only with direct evidence; while one is unmet the overall score stays below 0.5.",
  );

  const mustHave = new Set(
    request.requiredSkills.filter((r) => r.mustHave === true).map((r) => r.name.trim()),
  );
  const rows: PlotRow[] = result.skillScores.map((score) => ({
    ...score,
    mustHave: mustHave.has(score.skillName),
    unmet: unmet.has(score.skillName),
  }));
  byId("plot").replaceChildren(forestPlot(rows, result.overallScore));
  byId("plot-table-body").replaceChildren(
    ...rows.map((row) =>
      h(
        "tr",
        {},
        h(
          "th",
          { scope: "row" },
          row.skillName,
          row.mustHave ? " (must-have)" : "",
          row.unmet ? " — unmet" : "",
        ),
        h("td", {}, fmt(row.probability)),
        h("td", {}, `${fmt(row.confidenceInterval.lower)} – ${fmt(row.confidenceInterval.upper)}`),
        h("td", {}, row.evidence),
        h(
          "td",
          {},
          row.bestMatch === null ? "none" : `${row.bestMatch.skillName} (${row.bestMatch.relation})`,
        ),
        h("td", {}, row.explanation),
      ),
    ),
  );

  const gaps = byId("gaps");
  const top = result.gaps.reduce((m, g) => Math.max(m, g.impact), 0) || 1;
  gaps.replaceChildren(
    ...result.gaps.map((gap) => {
      const bar = h("span", { class: "impact-bar", "aria-hidden": "true" });
      bar.style.width = `${Math.round((100 * gap.impact) / top)}%`;
      return h(
        "li",
        {},
        h(
          "span",
          { class: "gap-name" },
          gap.skillName,
          unmet.has(gap.skillName) && h("span", { class: "unmet-tag" }, " UNMET must-have"),
        ),
        h(
          "span",
          { class: "gap-numbers" },
          `would add ${fmt(gap.impact, 3)} to the overall score (now ${fmt(gap.probability)})`,
        ),
        h("span", { class: "impact-track" }, bar),
      );
    }),
  );
  byId("gaps-empty").hidden = result.gaps.length > 0;
}
