import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { decodeShapeTableSeed, type ShapeTableSeed } from "../../core/engine/shape-table-seed.js";

/** File name of the build's shape-table seed, written beside the bundled modules in dist/. */
export const SHAPE_TABLE_SEED_FILE = "shape-table-seed.bin";

let memo: ShapeTableSeed | null | undefined;

/**
 * The Beta shape tables computed at build time (scripts/build.ts), read once per process from
 * `shape-table-seed.bin` beside this module (~150 KB). Only the built package has that file; running from
 * sources (tests, tsx), or with a file that is not a seed, returns undefined and engines compute each value
 * on first need, as they do for any ratio or configuration the seed does not cover.
 */
export function prebuiltShapeTableSeed(): ShapeTableSeed | undefined {
  if (memo === undefined) {
    try {
      const path = fileURLToPath(new URL(`./${SHAPE_TABLE_SEED_FILE}`, import.meta.url));
      memo = decodeShapeTableSeed(readFileSync(path)) ?? null;
    } catch {
      memo = null;
    }
  }
  return memo ?? undefined;
}
