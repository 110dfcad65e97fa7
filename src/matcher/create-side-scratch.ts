import type { SideInput } from "../core/engine/engine-types.js";
import type { HeadWords } from "../core/text/head-words.js";
import type { Domain, Level, Skill } from "../core/types.js";
import { PENDING, type ResolvedLists } from "./resolve-names.js";

type MutableSide = {
  names: string[];
  norms: string[];
  levels: Level[];
  ratios: Float64Array;
  lexIndex: Int32Array;
  domains: Domain[];
  rows: Float32Array[];
  heads: (HeadWords | null)[];
  headRows: Float32Array[];
  ids: Int32Array;
};

/**
 * `sideOf` into reused buffers, one set per side length: for a caller that scores one side at a time and
 * keeps nothing (ranking). The returned side is valid until the next call with the same length.
 */
export function createSideScratch(
  resolved: ResolvedLists,
): (k: number, skills: readonly Skill[]) => SideInput {
  const byLength: (MutableSide | undefined)[] = [];
  return (k, skills) => {
    const n = skills.length;
    let side = byLength[n];
    if (side === undefined) {
      side = {
        names: new Array<string>(n).fill(""),
        norms: new Array<string>(n).fill(""),
        levels: new Array<Level>(n),
        ratios: new Float64Array(n),
        lexIndex: new Int32Array(n),
        domains: new Array<Domain>(n).fill("General"),
        rows: new Array<Float32Array>(n).fill(PENDING),
        heads: new Array<HeadWords | null>(n).fill(null),
        headRows: new Array<Float32Array>(n).fill(PENDING),
        ids: new Int32Array(n),
      };
      byLength[n] = side;
    }
    const at = resolved.start[k]!;
    for (let i = 0; i < n; i++) {
      const skill = skills[i]!;
      const { entry, row, headRow } = resolved.names[resolved.index[at + i]!]!;
      side.names[i] = skill.name;
      side.norms[i] = entry.norm;
      side.levels[i] = skill.level;
      side.ratios[i] = skill.level.value / skill.level.max;
      side.lexIndex[i] = entry.lexIndex;
      side.domains[i] = entry.domain;
      side.rows[i] = row;
      side.heads[i] = entry.head;
      side.headRows[i] = headRow;
      side.ids[i] = entry.id;
    }
    return side;
  };
}
