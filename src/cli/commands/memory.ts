import type { Command } from "commander";
import type { CliContext } from "../cli-context.js";
import { type LazyCommandModule, registerLazily } from "../lazy-commands.js";

/**
 * The toolkit's subcommands, each module loaded only when argv names one of its commands (`detect` loads
 * the TypeScript compiler, `run` the profiler). Terms and descriptions are checked against the full
 * definitions by test/cli-lazy.test.ts.
 */
export function memoryCommands(ctx: CliContext, argv: readonly string[]): LazyCommandModule[] {
  return [
    {
      commands: [
        {
          name: "run",
          term: "run [options]",
          description: "measure the current code: memory_results.json, heap.heapprofile, allocation_sites.md",
        },
        {
          name: "baseline",
          term: "baseline [options]",
          description: "capture a baseline (reference engine by default) plus BASELINE_REPORT.md",
        },
      ],
      register: async (memory) =>
        (await import("./memory-run.js")).registerRunCommands(memory, ctx, () => argv),
    },
    {
      commands: [
        {
          name: "compare",
          term: "compare [options] <a.json> <b.json>",
          description: "per-metric change from A (before) to B (after); exit 1 on a regression",
        },
        {
          name: "check",
          term: "check [options] <results.json>",
          description:
            "peak MB per match against thresholds (upstream's alert levels by default); exit 1 over any",
        },
      ],
      register: async (memory) => (await import("./memory-check.js")).registerCheckCommands(memory, ctx),
    },
    {
      commands: [
        {
          name: "detect",
          term: "detect [options] [paths...]",
          description: "find allocation anti-patterns in TypeScript sources (TypeScript compiler API)",
        },
      ],
      register: async (memory) => (await import("./memory-detect.js")).registerDetectCommand(memory, ctx),
    },
    {
      commands: [
        {
          name: "dashboard",
          term: "dashboard [options]",
          description:
            "render one static HTML page with memory charts over the runs and the optimisation history",
        },
      ],
      register: async (memory) =>
        (await import("./memory-dashboard.js")).registerDashboardCommand(memory, ctx),
    },
  ];
}

/** `competency memory …`: the memory optimisation toolkit (docs/memory.md). */
export async function registerMemoryCommands(
  program: Command,
  ctx: CliContext,
  argv: readonly string[],
): Promise<void> {
  const memory = program
    .command("memory")
    .description("memory toolkit: baseline, run, compare, check, detect, dashboard (docs/memory.md)")
    .addHelpText(
      "after",
      "\nThe workflow:\n  $ competency memory baseline                      # reference engine → profiling_results/baseline\n  $ competency memory run --out profiling_results/current\n  $ competency memory compare profiling_results/baseline/memory_results.json profiling_results/current/memory_results.json\n  $ competency memory check profiling_results/current/memory_results.json\n  $ competency memory detect src/\n  $ competency memory dashboard --history profiling_results --out profiling_results/dashboard.html\n",
    );
  // argv[0] is "memory" (or "help memory …"): what follows names the subcommand.
  const rest = argv.slice(argv.indexOf("memory") + 1);
  await registerLazily(memory, memoryCommands(ctx, argv), rest);
}
