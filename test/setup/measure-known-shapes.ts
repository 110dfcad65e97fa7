import { spawnSync } from "node:child_process";
import type { TestProject } from "vitest/node";

/** What the known-shapes child prints (test/profiling/child/known-shapes.ts). */
export type KnownShapesRun = {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
};

declare module "vitest" {
  export interface ProvidedContext {
    knownShapes: KnownShapesRun | null;
  }
}

const TEST_FILE = "test/profiling/profile-memory-usage.test.ts";

/** Runs the known-shapes child (a 1 MiB young generation, 10 MiB of 1 KiB pieces dropped or kept). */
export function measureKnownShapes(): KnownShapesRun {
  const child = spawnSync(
    process.execPath,
    [
      "--expose-gc",
      "--max-semi-space-size=1",
      "--min-semi-space-size=1",
      "--import",
      "tsx",
      "test/profiling/child/known-shapes.ts",
    ],
    { encoding: "utf8", timeout: 300_000 },
  );
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

/**
 * Global setup: measures the known shapes before any test file starts, while nothing else of the suite runs.
 * Inside the full suite (test files in parallel forks, some spawning servers, workers and Chromium) the
 * dropped shape measured 1.50 pieces in 2 of 3 fresh-clone runs, the same 1,536 B each time, and 1,024 B
 * whenever it ran alone (also beside three busy loops): the shifted collections' landing points are thrown
 * off by something the other test files do, not found yet. Only when the run includes the test file (no
 * filters, or a filter that names it); otherwise the test file measures for itself.
 */
export default function setup(project: TestProject): void {
  const filters = process.argv.slice(2).filter((a) => !a.startsWith("-") && a !== "run" && a !== "vitest");
  const included = filters.length === 0 || filters.some((f) => TEST_FILE.includes(f.replace(/^\.\//, "")));
  project.provide("knownShapes", included ? measureKnownShapes() : null);
}
