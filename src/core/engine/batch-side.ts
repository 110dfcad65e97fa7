import { allocateSide } from "./allocate-side.js";
import type { RankBatch, SideInput } from "./engine-types.js";

/**
 * List `k` of a rank batch as a side of its own, the form `score` and `overall` take: for the full results
 * of a ranking's top and for engines that score candidates one by one. Allocates the side.
 */
export function batchSide(batch: RankBatch, k: number): SideInput {
  const { names, index, start } = batch;
  const skills = batch.list(k);
  const at = start[k]!;
  const n = skills.length;
  const side = allocateSide(
    n,
    skills.map((s) => s.level),
    new Float64Array(n),
  );
  for (let s = 0; s < n; s++) {
    const name = index[at + s]!;
    side.names[s] = skills[s]!.name;
    side.norms[s] = names.norms[name]!;
    side.ratios[s] = batch.ratios[at + s]!;
    side.lexIndex[s] = names.lexIndex[name]!;
    side.domains[s] = names.domains[name]!;
    side.rows[s] = names.rows[name]!;
    side.heads[s] = names.heads[name]!;
    side.headRows[s] = names.headRows[name]!;
    side.ids[s] = names.ids[name]!;
  }
  return side;
}
