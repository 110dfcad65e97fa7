import type { Command } from "commander";
import { CompetencyError } from "../../errors.js";
import { checkThresholds, DEFAULT_THRESHOLDS_MB } from "../../profiling/check-thresholds.js";
import { compareResults, TIME_MIN_EFFECT_PCT, timeGated } from "../../profiling/compare-results.js";
import { readResults } from "../../profiling/read-results.js";
import type { CliContext } from "../cli-context.js";
import { EXIT_CHECK_FAILED } from "../exit-code.js";

function threshold(name: string, raw: string): number {
  const mb = Number(raw);
  if (!Number.isFinite(mb) || mb < 0 || raw.trim() === "")
    throw new CompetencyError(
      "INVALID_INPUT",
      `--${name} must be a non-negative number of MiB, got "${raw}"`,
    );
  return mb;
}

/** `memory compare` and `memory check`: expected outcomes print a table and set exit 1, never throw. */
export function registerCheckCommands(memory: Command, ctx: CliContext): void {
  memory
    .command("compare")
    .description("per-metric change from A (before) to B (after); exit 1 on a regression")
    .argument("<a.json>", "before: memory_results.json")
    .argument("<b.json>", "after: memory_results.json")
    .option("--tolerance <pct>", "allowed growth of bytes and peak in percent (counts get twice this)", "10")
    .addHelpText(
      "after",
      "\nExample:\n  $ competency memory compare profiling_results/baseline/memory_results.json profiling_results/current/memory_results.json\n",
    )
    .action((a: string, b: string, flags: { tolerance: string }) => {
      const tolerance = Number(flags.tolerance);
      if (!Number.isFinite(tolerance) || tolerance < 0)
        throw new CompetencyError(
          "INVALID_INPUT",
          `--tolerance must be a non-negative number, got "${flags.tolerance}"`,
        );
      const before = readResults(a);
      const after = readResults(b);
      const outcome = compareResults(before, after, tolerance);
      const lines = outcome.changes.map(
        (c) =>
          `${c.metric.padEnd(26)} ${c.before.toPrecision(6).padStart(14)} ${c.after.toPrecision(6).padStart(14)} ${`${c.changePct >= 0 ? "+" : ""}${c.changePct.toFixed(1)}%`.padStart(9)}${c.p === undefined ? "" : `  p=${c.p.toPrecision(2)}`}${c.regression ? "  REGRESSION" : ""}`,
      );
      ctx.io.stdout.write(
        `${"metric".padEnd(26)} ${"before".padStart(14)} ${"after".padStart(14)} ${"change".padStart(9)}\n${lines.join("\n")}\nbytes and peak regress above ${tolerance}%, counts above ${tolerance * 2}%; time only at >= ${Math.max(TIME_MIN_EFFECT_PCT, tolerance)}% with Mann-Whitney p < 0.001 when neither run's machine was overloaded${timeGated(before) && timeGated(after) ? "" : " (not gated here: load average above the core count)"}\n${outcome.status === "pass" ? "no regression" : "regression found"}\n`,
      );
      if (outcome.status === "fail") ctx.exitCode = EXIT_CHECK_FAILED;
    });
  memory
    .command("check")
    .description(
      "peak MiB per match against thresholds (upstream's alert levels by default); exit 1 over any",
    )
    .argument("<results.json>", "memory_results.json")
    .option("--small <mb>", "threshold for small, MiB", String(DEFAULT_THRESHOLDS_MB.small))
    .option("--medium <mb>", "threshold for medium, MiB", String(DEFAULT_THRESHOLDS_MB.medium))
    .option("--large <mb>", "threshold for large, MiB", String(DEFAULT_THRESHOLDS_MB.large))
    .addHelpText(
      "after",
      "\nExample:\n  $ competency memory check profiling_results/current/memory_results.json --small 0.03125 --large 0.25\n",
    )
    .action((path: string, flags: { small: string; medium: string; large: string }) => {
      const limits = {
        small: threshold("small", flags.small),
        medium: threshold("medium", flags.medium),
        large: threshold("large", flags.large),
      };
      const results = readResults(path);
      const outcome = checkThresholds(results, limits);
      for (const [name, d] of Object.entries(results.datasets)) {
        ctx.io.stdout.write(
          `${name.padEnd(8)} peak ${(d.peakBytes / 1024).toFixed(1)} KiB = ${(d.peakBytes / 2 ** 20).toFixed(4)} MiB (threshold ${limits[name as keyof typeof limits] ?? "none"} MiB), allocated ${(d.allocatedBytes / 1024).toFixed(1)} KiB, ${d.allocationCount} allocations\n`,
        );
      }
      if (outcome.status === "fail") {
        for (const b of outcome.breaches)
          ctx.io.stderr.write(
            `over threshold: ${b.dataset} ${b.peakMib.toFixed(4)} MiB > ${b.thresholdMib} MiB\n`,
          );
        ctx.exitCode = EXIT_CHECK_FAILED;
      } else ctx.io.stdout.write("all datasets within thresholds\n");
    });
}
