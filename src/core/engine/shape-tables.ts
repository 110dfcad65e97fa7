import { betaCdf } from "../beta/beta-cdf.js";
import { betaQuantile } from "../beta/beta-quantile.js";
import { betaAlpha, betaBeta } from "../beta/beta-shape.js";
import type { ShapeTableSeed } from "./shape-table-seed.js";

/** Largest number of distinct Beta shapes whose CDF tables are kept (each is (grid + 1) doubles). */
const MAX_SHAPES = 256;

/**
 * CDF values of each skill's Beta on the quantile grid and at required thresholds, computed lazily and
 * kept per shape. Levels are ratios of small integers, so a few shapes serve every match. Values are the
 * very same `betaCdf` calls the reference engine makes, so caching changes no bit of the output.
 */
export type ShapeTables = {
  /** CDF of the shape at grid point k (x = k / grid). */
  gridCdf(ratio: number, k: number): number;
  /** CDF of the shape at x (the required level threshold). */
  cdfAt(ratio: number, x: number): number;
  /**
   * The shape's lazily filled grid table (NaN = not computed yet), or null once MAX_SHAPES tables exist.
   * Engines hold it per group so the hot loop indexes a typed array instead of passing doubles to calls.
   */
  table(ratio: number): Float64Array | null;
  /** The shape's p-quantile, for the `p` the tables were created with. */
  quantile(ratio: number): number;
};

/**
 * `seed`: tables computed ahead of time (see shape-table-seed.ts), used when they were computed for this
 * concentration and grid (and their quantiles for this `p`); another configuration computes every value here.
 */
export function createShapeTables(
  concentration: number,
  grid: number,
  p: number,
  seed?: ShapeTableSeed,
): ShapeTables {
  const tables = new Map<number, Float64Array>();
  const quantiles = new Map<number, number>();
  const thresholds = new Map<number, Map<number, number>>();
  // The seed's row of each of its ratios, when it was computed for this concentration and grid.
  const seeded = new Map<number, number>();
  const from = seed !== undefined && seed.concentration === concentration && seed.grid === grid ? seed : null;
  if (from !== null) {
    for (let i = 0; i < from.ratios.length && i < MAX_SHAPES; i++) {
      const ratio = from.ratios[i]!;
      seeded.set(ratio, i);
      // Complete tables (no NaN), so nothing ever writes into the seed's buffer.
      tables.set(ratio, from.grids.subarray(i * (grid + 1), (i + 1) * (grid + 1)));
      if (from.p === p) quantiles.set(ratio, from.quantiles[i]!);
    }
  }

  function table(ratio: number): Float64Array | null {
    let t = tables.get(ratio) ?? null;
    if (t === null && tables.size < MAX_SHAPES) {
      t = new Float64Array(grid + 1).fill(Number.NaN);
      tables.set(ratio, t);
    }
    return t;
  }

  return {
    table,
    gridCdf(ratio, k) {
      const t = table(ratio);
      let v = t === null ? Number.NaN : t[k]!;
      if (Number.isNaN(v)) {
        v = betaCdf(k / grid, betaAlpha(ratio, concentration), betaBeta(ratio, concentration));
        if (t !== null) t[k] = v;
      }
      return v;
    },
    quantile(ratio) {
      let v = quantiles.get(ratio);
      if (v === undefined) {
        v = betaQuantile(p, betaAlpha(ratio, concentration), betaBeta(ratio, concentration));
        if (quantiles.size < MAX_SHAPES) quantiles.set(ratio, v);
      }
      return v;
    },
    cdfAt(ratio, x) {
      let byX = thresholds.get(ratio);
      let v = byX?.get(x);
      if (v === undefined) {
        const i = seeded.get(ratio);
        const j = seeded.get(x);
        v =
          i !== undefined && j !== undefined
            ? from!.thresholds[i * from!.ratios.length + j]!
            : betaCdf(x, betaAlpha(ratio, concentration), betaBeta(ratio, concentration));
        if (byX === undefined && thresholds.size < MAX_SHAPES) {
          byX = new Map();
          thresholds.set(ratio, byX);
        }
        if (byX !== undefined && byX.size < MAX_SHAPES) byX.set(x, v);
      }
      return v;
    },
  };
}
