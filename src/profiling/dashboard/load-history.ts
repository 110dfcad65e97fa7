import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { CompetencyError } from "../../errors.js";
import { readResults } from "../read-results.js";
import type { MemoryResults } from "../results-types.js";

export type HistoryRun = { readonly label: string; readonly results: MemoryResults };
export type LogEntry = { readonly title: string; readonly body: string };

/**
 * Every `memory_results.json` one level below `dir` (one folder per run), oldest first by createdAt. Runs in
 * an older schema (measured before the true peak and counted allocations) are listed in `skipped`, not drawn.
 */
export function loadHistory(dir: string, skipped: string[] = []): HistoryRun[] {
  if (!existsSync(dir)) throw new CompetencyError("FILE_NOT_FOUND", dir);
  const runs: HistoryRun[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name, "memory_results.json");
    if (!statSync(join(dir, name)).isDirectory() || !existsSync(path)) continue;
    try {
      runs.push({ label: name, results: readResults(path) });
    } catch (error) {
      if (!(error instanceof CompetencyError) || error.code !== "SCHEMA_MISMATCH") throw error;
      skipped.push(`${name}: ${error.message}`);
    }
  }
  if (runs.length === 0)
    throw new CompetencyError("BASELINE_MISSING", `no */memory_results.json under ${dir}`);
  return runs.sort((a, b) => a.results.createdAt.localeCompare(b.results.createdAt));
}

/** The `## ` sections of OPTIMIZATION_LOG.md, in order; empty when the file does not exist. */
export function loadOptimizationLog(path: string): LogEntry[] {
  if (!existsSync(path)) return [];
  const entries: LogEntry[] = [];
  for (const section of readFileSync(path, "utf8").split(/^## /m).slice(1)) {
    const [title = "", ...rest] = section.split("\n");
    entries.push({ title: title.trim(), body: rest.join("\n").trim() });
  }
  return entries;
}
