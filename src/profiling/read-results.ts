import { readFileSync } from "node:fs";
import { CompetencyError } from "../errors.js";
import { type MemoryResults, RESULTS_SCHEMA_VERSION } from "./results-types.js";

/** Reads and checks a `memory_results.json`: existence, JSON, schemaVersion and the dataset fields used. */
export function readResults(path: string): MemoryResults {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code === "ENOENT" ? "FILE_NOT_FOUND" : "FILE_UNREADABLE";
    throw new CompetencyError(code, path, { cause });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new CompetencyError("INVALID_JSON", `${path}: ${(cause as Error).message}`, { cause });
  }
  const r = value as Partial<MemoryResults> | null;
  if (typeof r !== "object" || r === null || r.schemaVersion !== RESULTS_SCHEMA_VERSION) {
    throw new CompetencyError(
      "SCHEMA_MISMATCH",
      `${path}: expected schemaVersion ${RESULTS_SCHEMA_VERSION}, got ${JSON.stringify(r?.schemaVersion)}`,
    );
  }
  if (typeof r.datasets !== "object" || r.datasets === null) {
    throw new CompetencyError("SCHEMA_MISMATCH", `${path}: "datasets" is missing`);
  }
  for (const [name, d] of Object.entries(r.datasets)) {
    if (!Array.isArray(d?.timeSamplesMs) || d.timeSamplesMs.length === 0) {
      throw new CompetencyError(
        "SCHEMA_MISMATCH",
        `${path}: datasets.${name}.timeSamplesMs must be a non-empty array`,
      );
    }
    for (const field of ["allocatedBytes", "peakBytes", "allocationCount", "meanMs"] as const) {
      if (typeof d?.[field] !== "number" || !Number.isFinite(d[field])) {
        throw new CompetencyError(
          "SCHEMA_MISMATCH",
          `${path}: datasets.${name}.${field} must be a finite number, got ${JSON.stringify(d?.[field])}`,
        );
      }
    }
  }
  return r as MemoryResults;
}
