import { grown } from "../grown.js";
import type { RequiredInput } from "./engine-types.js";
import type { ShapeTables } from "./shape-tables.js";

/** Shapes found by a linear scan before the map is asked. */
const SCAN = 16;
/** Shapes kept before the set starts over (decimal levels can make every ratio distinct). */
const MAX_SHAPES = 4096;

/**
 * Beta shapes seen while ranking against one fixed role, each with its level and its exceedance of every
 * required threshold, computed once per shape instead of once per candidate. Levels are mostly ratios of
 * small integers, so a short scan finds nearly every shape.
 */
export type RoleShapes = {
  /** Level of each shape (the ratio, or its lower quantile for the conservative strategy). Replaced on growth. */
  readonly level: Float64Array;
  /** Entry `shape · required + i`: exceedance P(X > t_i) of the shape. Replaced on growth. */
  readonly exceed: Float64Array;
  /** Changes whenever the set starts over, which invalidates every shape number handed out before. */
  readonly generation: number;
  /** Makes room for `n` new shapes (starting over when they might not fit): call before a candidate's lookups. */
  reserve(n: number): void;
  /** The shape number of level ratio `r`, adding the shape on first sight. */
  slot(r: number): number;
};

export function createRoleShapes(
  required: RequiredInput,
  tables: ShapeTables,
  conservative: boolean,
): RoleShapes {
  const nr = required.ratios.length;
  const index = new Map<number, number>();
  let count = 0;
  let generation = 0;
  let ratio = new Float64Array(SCAN);
  let level = new Float64Array(SCAN);
  let exceed = new Float64Array(SCAN * nr);

  function add(r: number): number {
    if (count === ratio.length) {
      ratio = grown(ratio, count * 2);
      level = grown(level, count * 2);
      exceed = grown(exceed, count * 2 * nr);
    }
    // Conservative reads the candidate's level at the lower quartile of its Beta.
    const l = conservative ? tables.quantile(r) : r;
    ratio[count] = r;
    level[count] = l;
    for (let i = 0; i < nr; i++) {
      const t = required.ratios[i]!;
      exceed[count * nr + i] = t > 0 ? 1 - tables.cdfAt(l, t) : 1;
    }
    index.set(r, count);
    return count++;
  }

  return {
    get level() {
      return level;
    },
    get exceed() {
      return exceed;
    },
    get generation() {
      return generation;
    },
    reserve(n) {
      if (count + n > MAX_SHAPES) {
        count = 0;
        index.clear();
        generation++;
      }
    },
    slot(r) {
      const scan = count < SCAN ? count : SCAN;
      for (let s = 0; s < scan; s++) if (ratio[s] === r) return s;
      const found = count > SCAN ? index.get(r) : undefined;
      return found === undefined ? add(r) : found;
    },
  };
}
