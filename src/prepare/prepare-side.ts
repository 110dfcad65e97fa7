import type { RequiredInput, SideInput } from "../core/engine/engine-types.js";
import type { HeadWords } from "../core/text/head-words.js";
import type { Domain, Level, RequiredSkill, Skill } from "../core/types.js";
import type { NameEntry } from "./name-table.js";

/**
 * Builds an engine side from validated skills, their name entries, embedding rows and head-word rows (all
 * index-aligned; a head row is read only where the entry has a head).
 */
export function prepareSide(
  skills: readonly Skill[],
  entries: readonly NameEntry[],
  rows: readonly Float32Array[],
  headRows: readonly Float32Array[],
): SideInput {
  const n = skills.length;
  const names: string[] = new Array(n);
  const norms: string[] = new Array(n);
  const levels: Level[] = new Array(n);
  const ratios = new Float64Array(n);
  const lexIndex = new Int32Array(n);
  const ids = new Int32Array(n);
  const domains: Domain[] = new Array(n);
  const heads: (HeadWords | null)[] = new Array(n);
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
    heads[i] = entry.head;
  }
  return { names, norms, levels, ratios, lexIndex, domains, rows, heads, headRows, ids };
}

/** `prepareSide` plus weights (default 1) and must-have flags. */
export function prepareRequired(
  skills: readonly RequiredSkill[],
  entries: readonly NameEntry[],
  rows: readonly Float32Array[],
  headRows: readonly Float32Array[],
): RequiredInput {
  const { names, norms, levels, ratios, lexIndex, domains, heads, ids } = prepareSide(
    skills,
    entries,
    rows,
    headRows,
  );
  const n = skills.length;
  const weights = new Float64Array(n);
  const mustHave = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    weights[i] = skills[i]!.weight ?? 1;
    mustHave[i] = skills[i]!.mustHave === true ? 1 : 0;
  }
  // A literal in the side's own field order, not a spread: every side the engine reads then shares one
  // object shape up to `ids`, and its property loads stay monomorphic.
  return {
    names,
    norms,
    levels,
    ratios,
    lexIndex,
    domains,
    rows,
    heads,
    headRows,
    ids,
    weights,
    mustHave,
  };
}
