import type { Command } from "commander";
import type { CliContext } from "../cli-context.js";
import { registerCheckCommands } from "./memory-check.js";
import { registerDashboardCommand } from "./memory-dashboard.js";
import { registerDetectCommand } from "./memory-detect.js";
import { registerRunCommands } from "./memory-run.js";

/** `competency memory …`: the memory optimisation toolkit (docs/memory.md). */
export function registerMemoryCommands(program: Command, ctx: CliContext, argv: readonly string[]): void {
  const memory = program
    .command("memory")
    .description("memory toolkit: baseline, run, compare, check, detect, dashboard (docs/memory.md)")
    .addHelpText(
      "after",
      "\nThe workflow:\n  $ competency memory baseline                      # reference engine → profiling_results/baseline\n  $ competency memory run --out profiling_results/current\n  $ competency memory compare profiling_results/baseline/memory_results.json profiling_results/current/memory_results.json\n  $ competency memory check profiling_results/current/memory_results.json\n  $ competency memory detect src/\n  $ competency memory dashboard --history profiling_results --out profiling_results/dashboard.html\n",
    );
  registerRunCommands(memory, ctx, () => argv);
  registerCheckCommands(memory, ctx);
  registerDetectCommand(memory, ctx);
  registerDashboardCommand(memory, ctx);
}
