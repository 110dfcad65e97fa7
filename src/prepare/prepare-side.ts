import type { RequiredInput, SideInput } from "../core/engine/engine-types.js";
import type { Domain, Level, RequiredSkill, Skill } from "../core/types.js";
import type { NameEntry } from "./name-table.js";

/** Builds an engine side from validated skills, their name entries and embedding rows (all index-aligned). */
export function prepareSide(
  skills: readonly Skill[],
  entries: readonly NameEntry[],
  rows: readonly Float32Array[],
): SideInput {
  const n = skills.length;
  const names: string[] = new Array(n);
  const norms: string[] = new Array(n);
  const levels: Level[] = new Array(n);
  const ratios = new Float64Array(n);
  const lexIndex = new Int32Array(n);
  const ids = new Int32Array(n);
  const domains: Domain[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const skill = skills[i]!;
    const entry = entries[i]!;
    names[i] = skill.name;
    norms[i] = entry.norm;
    levels[i] = skill.level;
    ratios[i] = skill.level.value / skill.level.max;
    lexIndex[i] = entry.lexIndex;
    ids[i] = entry.id;
    domains[i] = entry.domain;
  }
  return { names, norms, levels, ratios, lexIndex, domains, rows, ids };
}

/** `prepareSide` plus weights (default 1) and must-have flags. */
export function prepareRequired(
  skills: readonly RequiredSkill[],
  entries: readonly NameEntry[],
  rows: readonly Float32Array[],
): RequiredInput {
  const side = prepareSide(skills, entries, rows);
  const n = skills.length;
  const weights = new Float64Array(n);
  const mustHave = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    weights[i] = skills[i]!.weight ?? 1;
    mustHave[i] = skills[i]!.mustHave === true ? 1 : 0;
  }
  return { ...side, weights, mustHave };
}
