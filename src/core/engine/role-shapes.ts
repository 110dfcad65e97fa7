import type { RequiredInput, ShapeSlots, SideInput } from "./engine-types.js";
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
  /** Writes each candidate skill's shape slot; the view is valid until the next call. */
  slots(candidate: SideInput): ShapeSlots;
};

function grown(a: Float64Array, n: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(n);
  b.set(a);
  return b;
}

export function createRoleShapes(
  required: RequiredInput,
  tables: ShapeTables,
  conservative: boolean,
): RoleShapes {
  const nr = required.ratios.length;
  const index = new Map<number, number>();
  let count = 0;
  let ratio = new Float64Array(SCAN);
  let level = new Float64Array(SCAN);
  let exceed = new Float64Array(SCAN * nr);
  let view: ShapeSlots = { slotOf: new Int32Array(16), level, exceed };

  function add(r: number): number {
    if (count === ratio.length) {
      ratio = grown(ratio, count * 2);
      level = grown(level, count * 2);
      exceed = grown(exceed, count * 2 * nr);
      view = { slotOf: view.slotOf, level, exceed };
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

  function find(r: number): number {
    const scan = count < SCAN ? count : SCAN;
    for (let s = 0; s < scan; s++) if (ratio[s] === r) return s;
    return count > SCAN ? (index.get(r) ?? -1) : -1;
  }

  return {
    slots(candidate) {
      const nc = candidate.ratios.length;
      if (count + nc > MAX_SHAPES) {
        count = 0;
        index.clear();
      }
      if (view.slotOf.length < nc)
        view = { slotOf: new Int32Array(Math.max(nc, view.slotOf.length * 2)), level, exceed };
      for (let j = 0; j < nc; j++) {
        const r = candidate.ratios[j]!;
        const s = find(r);
        // Read view.slotOf after add(): adding a shape may replace the view.
        if (s >= 0) view.slotOf[j] = s;
        else {
          const added = add(r);
          view.slotOf[j] = added;
        }
      }
      return view;
    },
  };
}
