import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import type { Command } from "commander";
import { resolveCacheDir } from "../../adapters/embedder/resolve-cache-dir.js";
import { createWordVectorEmbedder } from "../../adapters/embedder/word-vectors/create-word-vector-embedder.js";
import type { EngineName } from "../../core/types.js";
import { CompetencyError } from "../../errors.js";
import { DATASET_NAMES, type DatasetName } from "../../profiling/build-dataset.js";
import { formatAllocationSites, formatBaselineReport } from "../../profiling/format-report.js";
import { readResults } from "../../profiling/read-results.js";
import { reexec } from "../../profiling/reexec.js";
import { runMemory } from "../../profiling/run-memory.js";
import { writeAtomic } from "../../profiling/write-atomic.js";
import type { CliContext } from "../cli-context.js";

/** Debian's libjemalloc2. */
export const JEMALLOC_PATH = "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2";
/**
 * The young generation fixed at 1 MiB: the peak's shifted collections place scavenges by pre-filling it, which
 * needs a known, constant size (docs/memory.md).
 */
const NODE_FLAGS = ["--expose-gc", "--max-semi-space-size=1", "--min-semi-space-size=1"];

/** `git rev-parse --short HEAD`, with "+dirty" for local changes; "unknown" outside a checkout. */
function gitRevision(): string {
  const run = (args: string[]) => spawnSync("git", args, { encoding: "utf8" });
  const head = run(["rev-parse", "--short", "HEAD"]);
  if (head.status !== 0) return "unknown";
  const dirty = run(["status", "--porcelain", "--untracked-files=no"]).stdout.trim() !== "";
  return `${head.stdout.trim()}${dirty ? "+dirty" : ""}`;
}

type RunFlags = { out: string; engine: string; datasets: string; allocator: string };

function parseDatasets(list: string): DatasetName[] {
  const names = list.split(",").map((s) => s.trim());
  const bad = names.filter((n) => !(DATASET_NAMES as string[]).includes(n));
  if (bad.length > 0)
    throw new CompetencyError(
      "INVALID_INPUT",
      `unknown dataset(s) ${bad.join(", ")}; choose from ${DATASET_NAMES.join(", ")}`,
    );
  return names as DatasetName[];
}

function parseEngine(engine: string): EngineName {
  if (engine !== "reference" && engine !== "optimized")
    throw new CompetencyError("INVALID_INPUT", `unknown engine "${engine}"; choose reference or optimized`);
  return engine;
}

/** `memory run` and `memory baseline`: measure, then write results, heap profile, sites (and the report). */
export function registerRunCommands(memory: Command, ctx: CliContext, argv: () => readonly string[]): void {
  const add = (
    name: "run" | "baseline",
    description: string,
    defaults: { out: string; engine: EngineName },
  ) =>
    memory
      .command(name)
      .description(description)
      .option("--out <dir>", "output directory", defaults.out)
      .option("--engine <name>", "reference | optimized", defaults.engine)
      .option("--datasets <list>", "comma-separated datasets", DATASET_NAMES.join(","))
      .option(
        "--allocator <name>",
        "default | jemalloc (re-runs under LD_PRELOAD and reports RSS side by side)",
        "default",
      )
      .addHelpText(
        "after",
        `\nExamples:\n  $ competency memory ${name} --out profiling_results/${name === "run" ? "current" : "baseline"}\n  $ competency memory run --out /tmp/run --engine reference --datasets small,large --allocator jemalloc\n`,
      )
      .action(async (flags: RunFlags) => {
        const engine = parseEngine(flags.engine);
        const datasets = parseDatasets(flags.datasets);
        if (flags.allocator !== "default" && flags.allocator !== "jemalloc") {
          throw new CompetencyError(
            "INVALID_INPUT",
            `unknown allocator "${flags.allocator}"; choose default or jemalloc`,
          );
        }
        if (flags.allocator === "jemalloc" && !existsSync(JEMALLOC_PATH)) {
          throw new CompetencyError(
            "ALLOCATOR_UNAVAILABLE",
            `${JEMALLOC_PATH} not found; install Debian's libjemalloc2`,
          );
        }
        if ((globalThis as { gc?: unknown }).gc === undefined) {
          ctx.exitCode = reexec(argv(), NODE_FLAGS, ctx.io.env, ctx.io);
          return;
        }
        const label = ctx.io.env.COMPETENCY_ALLOCATOR_LABEL === "jemalloc" ? "jemalloc" : "default";
        const embedder = await createWordVectorEmbedder({
          cacheDir: ctx.io.env.COMPETENCY_CACHE_DIR ?? resolveCacheDir(ctx.io.env, homedir()),
        });
        const { results, profile } = await runMemory({
          engine,
          datasets,
          embedder,
          allocator: label,
          createdAt: new Date().toISOString(),
          revision: gitRevision(),
          onStep: (step) => ctx.io.stderr.write(`memory ${name}: ${step}\n`),
        });
        await embedder.close();
        writeAtomic(join(flags.out, "memory_results.json"), `${JSON.stringify(results, null, 2)}\n`);
        writeAtomic(join(flags.out, "heap.heapprofile"), JSON.stringify(profile));
        writeAtomic(join(flags.out, "allocation_sites.md"), formatAllocationSites(results));
        if (name === "baseline")
          writeAtomic(join(flags.out, "BASELINE_REPORT.md"), formatBaselineReport(results));
        ctx.io.stdout.write(
          `${Object.entries(results.datasets)
            .map(([k, d]) => `${k}: ${(d.allocatedBytes / 1024).toFixed(1)} KiB, ${d.meanMs.toFixed(3)} ms`)
            .join("\n")}\nwrote ${flags.out}\n`,
        );
        if (flags.allocator === "jemalloc") {
          const dir = join(flags.out, "jemalloc");
          const args = ["memory", name, "--out", dir, "--engine", engine, "--datasets", datasets.join(",")];
          const env = { ...ctx.io.env, LD_PRELOAD: JEMALLOC_PATH, COMPETENCY_ALLOCATOR_LABEL: "jemalloc" };
          const code = reexec(args, NODE_FLAGS, env, ctx.io);
          if (code !== 0) throw new CompetencyError("INTERNAL", `the jemalloc run exited with ${code}`);
          const other = readResults(join(dir, "memory_results.json"));
          const mb = (b: number) => `${(b / 2 ** 20).toFixed(1)} MiB`;
          const table = [
            "| allocator | RSS at end | max RSS | external | arrayBuffers |",
            "|---|---|---|---|---|",
            ...[results, other].map(
              (r) =>
                `| ${r.allocator} | ${mb(r.process.rss)} | ${mb(r.process.maxRss)} | ${mb(r.process.external)} | ${mb(r.process.arrayBuffers)} |`,
            ),
          ].join("\n");
          writeAtomic(
            join(flags.out, "allocator_comparison.md"),
            `# Allocator comparison (${engine})\n\n${table}\n`,
          );
          ctx.io.stdout.write(`${table}\n`);
        }
      });
  add("run", "measure the current code: memory_results.json, heap.heapprofile, allocation_sites.md", {
    out: "profiling_results/current",
    engine: "optimized",
  });
  add("baseline", "capture a baseline (reference engine by default) plus BASELINE_REPORT.md", {
    out: "profiling_results/baseline",
    engine: "reference",
  });
}
