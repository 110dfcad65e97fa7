import { join } from "node:path";
import type { Command } from "commander";
import { BUDGETS_MIB, DEFAULT_THRESHOLDS_MB } from "../../profiling/check-thresholds.js";
import { loadHistory, loadOptimizationLog } from "../../profiling/dashboard/load-history.js";
import { renderDashboard } from "../../profiling/dashboard/render-dashboard.js";
import { writeAtomic } from "../../profiling/write-atomic.js";
import type { CliContext } from "../cli-context.js";

/** `memory dashboard --history DIR --out dashboard.html`: one static page, no network. */
export function registerDashboardCommand(memory: Command, ctx: CliContext): void {
  memory
    .command("dashboard")
    .description("render one static HTML page with memory charts over the runs and the optimisation history")
    .option(
      "--history <dir>",
      "folder with one subfolder per run (each with memory_results.json)",
      "profiling_results",
    )
    .option("--out <file>", "output HTML file", "profiling_results/dashboard.html")
    .option("--log <file>", "optimisation log (Markdown, one ## section per optimisation)")
    .addHelpText(
      "after",
      "\nExample:\n  $ competency memory dashboard --history profiling_results --out profiling_results/dashboard.html\n",
    )
    .action((flags: { history: string; out: string; log?: string }) => {
      const skipped: string[] = [];
      const runs = loadHistory(flags.history, skipped);
      for (const s of skipped) ctx.io.stderr.write(`skipped ${s}\n`);
      const log = loadOptimizationLog(flags.log ?? join(flags.history, "OPTIMIZATION_LOG.md"));
      writeAtomic(flags.out, renderDashboard(runs, log, BUDGETS_MIB, DEFAULT_THRESHOLDS_MB));
      ctx.io.stdout.write(`wrote ${flags.out}: ${runs.length} run(s), ${log.length} optimisation(s)\n`);
    });
}
