import { betaCdf } from "../beta/beta-cdf.js";
import { betaQuantile } from "../beta/beta-quantile.js";
import { betaAlpha, betaBeta } from "../beta/beta-shape.js";

/**
 * Shape tables computed ahead of time, at build time, for the level ratios of the usual scales: the same
 * `betaCdf` and `betaQuantile` calls `ShapeTables` makes on first need, so a table read from a seed holds
 * the very bits a lazy one would. A cold process's first match otherwise computes ~750 incomplete Beta
 * functions in not-yet-optimised code (~30 ms of a ~270 ms cold start, profiled on 2 cores).
 */
export type ShapeTableSeed = {
  readonly concentration: number;
  readonly grid: number;
  /** The conservative level quantile the `quantiles` are for. */
  readonly p: number;
  /** The seeded level ratios, increasing. */
  readonly ratios: Float64Array;
  /** Ratio i's CDF on the grid (x = k / grid, k = 0..grid) at [i · (grid + 1), (i + 1) · (grid + 1)). */
  readonly grids: Float64Array;
  /** Entry i · n + j: ratio i's CDF at x = ratios[j] (a required level on the same scales). */
  readonly thresholds: Float64Array;
  /** Ratio i's p-quantile. */
  readonly quantiles: Float64Array;
};

/** Every ratio value / max of an integer level on a scale with max 1 to `largestMax`, once each, increasing. */
export function levelRatios(largestMax: number): Float64Array {
  const seen = new Set<number>();
  for (let max = 1; max <= largestMax; max++)
    for (let value = 0; value <= max; value++) seen.add(value / max);
  return Float64Array.from([...seen].sort((a, b) => a - b));
}

export function computeShapeTableSeed(
  concentration: number,
  grid: number,
  p: number,
  ratios: Float64Array,
): ShapeTableSeed {
  const n = ratios.length;
  const grids = new Float64Array(n * (grid + 1));
  const thresholds = new Float64Array(n * n);
  const quantiles = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const ratio = ratios[i]!;
    const a = betaAlpha(ratio, concentration);
    const b = betaBeta(ratio, concentration);
    for (let k = 0; k <= grid; k++) grids[i * (grid + 1) + k] = betaCdf(k / grid, a, b);
    for (let j = 0; j < n; j++) thresholds[i * n + j] = betaCdf(ratios[j]!, a, b);
    quantiles[i] = betaQuantile(p, a, b);
  }
  return { concentration, grid, p, ratios, grids, thresholds, quantiles };
}

/** Format tag of the encoded seed (a double that no other file begins with by chance). */
const SEED_FORMAT = 0x5eed0001;
const HEADER = 5;

/** The seed as little-endian doubles: format, concentration, grid, p, n, then the four arrays. */
export function encodeShapeTableSeed(seed: ShapeTableSeed): Uint8Array {
  const n = seed.ratios.length;
  const out = new Float64Array(HEADER + n + n * (seed.grid + 1) + n * n + n);
  out.set([SEED_FORMAT, seed.concentration, seed.grid, seed.p, n]);
  out.set(seed.ratios, HEADER);
  out.set(seed.grids, HEADER + n);
  out.set(seed.thresholds, HEADER + n + seed.grids.length);
  out.set(seed.quantiles, HEADER + n + seed.grids.length + n * n);
  return new Uint8Array(out.buffer);
}

/** The seed in `bytes`, or undefined when they are not one (another format, or a truncated file). */
export function decodeShapeTableSeed(bytes: Uint8Array): ShapeTableSeed | undefined {
  if (bytes.byteLength % 8 !== 0 || bytes.byteLength < 8 * HEADER) return undefined;
  // A copy aligned for the view (a Buffer from readFileSync may start at any offset of its pool).
  const all = new Float64Array(bytes.slice().buffer);
  const [format, concentration, grid, p, n] = all as unknown as number[];
  if (format !== SEED_FORMAT || !Number.isInteger(grid) || !Number.isInteger(n)) return undefined;
  const g = grid! + 1;
  if (all.length !== HEADER + n! + n! * g + n! * n! + n!) return undefined;
  const grids = HEADER + n!;
  const thresholds = grids + n! * g;
  const quantiles = thresholds + n! * n!;
  return {
    concentration: concentration!,
    grid: grid!,
    p: p!,
    ratios: all.subarray(HEADER, grids),
    grids: all.subarray(grids, thresholds),
    thresholds: all.subarray(thresholds, quantiles),
    quantiles: all.subarray(quantiles),
  };
}
