import type { RequiredInput, ShapeSlots, SideInput } from "./engine-types.js";
import type { ShapeTables } from "./shape-tables.js";

/** A match's candidate skills grouped by Beta shape (level ratio); scratch, valid until the next `group`. */
export type ShapeGroups = ShapeSlots & {
  readonly count: number;
  /** Level ratio of each group. */
  readonly ratio: Float64Array;
  /** Each group's lazily filled CDF grid table (see ShapeTables.table). */
  readonly table: readonly (Float64Array | null)[];
  /** Mixture weight of each group, written by the interval step. */
  readonly weight: Float64Array;
};

/**
 * Groups candidates by Beta shape, in canonical order of first appearance, so a mixture over 100 skills
 * costs a handful of table reads per grid point. Levels are ratios of small integers: few groups per match.
 */
export function createShapeGroups(tables: ShapeTables): {
  group(
    candidate: SideInput,
    candOrder: Int32Array,
    required: RequiredInput,
    conservative: boolean,
  ): ShapeGroups;
} {
  let cap = 0;
  let exceedCap = 0;
  let slotOf = new Int32Array(0);
  let ratio = new Float64Array(0);
  let level = new Float64Array(0);
  let weight = new Float64Array(0);
  let table: (Float64Array | null)[] = [];
  let exceed = new Float64Array(0);

  function ensure(nc: number, nr: number): void {
    if (nc > cap) {
      cap = Math.max(nc, cap * 2, 16);
      slotOf = new Int32Array(cap);
      ratio = new Float64Array(cap);
      level = new Float64Array(cap);
      weight = new Float64Array(cap);
      table = new Array<Float64Array | null>(cap).fill(null);
    }
    if (nc * nr > exceedCap) {
      exceedCap = Math.max(nc * nr, exceedCap * 2, 64);
      exceed = new Float64Array(exceedCap);
    }
  }

  return {
    group(candidate, candOrder, required, conservative) {
      const nc = candOrder.length;
      const nr = required.ratios.length;
      ensure(nc, nr);
      let count = 0;
      for (let k = 0; k < nc; k++) {
        const j = candOrder[k]!;
        const r = candidate.ratios[j]!;
        let g = 0;
        while (g < count && ratio[g] !== r) g++;
        if (g === count) {
          ratio[count] = r;
          table[count] = tables.table(r);
          // Conservative reads the candidate's level at the lower quartile of its Beta.
          level[count++] = conservative ? tables.quantile(r) : r;
        }
        slotOf[j] = g;
      }
      for (let g = 0; g < count; g++) {
        for (let i = 0; i < nr; i++) {
          const t = required.ratios[i]!;
          exceed[g * nr + i] = t > 0 ? 1 - tables.cdfAt(level[g]!, t) : 1;
        }
      }
      return { count, slotOf, level, exceed, ratio, table, weight };
    },
  };
}
