import type { HeadWords } from "../text/head-words.js";
import type { Domain } from "../types.js";
import type { RankBatch, SideInput } from "./engine-types.js";

/**
 * List `k` of a rank batch as a side of its own, the form `score` and `overall` take: for the full results
 * of a ranking's top and for engines that score candidates one by one. Allocates the side.
 */
export function batchSide(batch: RankBatch, k: number): SideInput {
  const { names, index, start } = batch;
  const skills = batch.lists[k]!;
  const at = start[k]!;
  const n = skills.length;
  const side = {
    names: new Array<string>(n),
    norms: new Array<string>(n),
    levels: skills.map((s) => s.level),
    ratios: new Float64Array(n),
    lexIndex: new Int32Array(n),
    domains: new Array<Domain>(n),
    rows: new Array<Float32Array>(n),
    heads: new Array<HeadWords | null>(n),
    headRows: new Array<Float32Array>(n),
    ids: new Int32Array(n),
  };
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
