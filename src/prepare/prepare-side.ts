import type { RequiredInput, SideInput } from "../core/engine/engine-types.js";
import type { Domain, RequiredSkill, Skill } from "../core/types.js";

/** What the matcher knows about a normalised name: lexicon index, domain, embedding row. */
export type NameInfo = { readonly lexIndex: number; readonly domain: Domain; readonly row: Float32Array };

/**
 * Builds an engine side from validated skills and the per-name info the matcher resolved.
 * `norms[i]` is `normalizeName(skills[i].name)`.
 */
export function prepareSide(skills: readonly Skill[], norms: readonly string[], info: ReadonlyMap<string, NameInfo>): SideInput {
  const n = skills.length;
  const names: string[] = new Array(n);
  const levels = new Array(n);
  const ratios = new Float64Array(n);
  const lexIndex = new Int32Array(n);
  const domains: Domain[] = new Array(n);
  const rows: Float32Array[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const skill = skills[i]!;
    const known = info.get(norms[i]!)!;
    names[i] = skill.name;
    levels[i] = skill.level;
    ratios[i] = skill.level.value / skill.level.max;
    lexIndex[i] = known.lexIndex;
    domains[i] = known.domain;
    rows[i] = known.row;
  }
  return { names, norms, levels, ratios, lexIndex, domains, rows };
}

/** `prepareSide` plus weights (default 1) and must-have flags. */
export function prepareRequired(
  skills: readonly RequiredSkill[],
  norms: readonly string[],
  info: ReadonlyMap<string, NameInfo>,
): RequiredInput {
  const side = prepareSide(skills, norms, info);
  const n = skills.length;
  const weights = new Float64Array(n);
  const mustHave = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    weights[i] = skills[i]!.weight ?? 1;
    mustHave[i] = skills[i]!.mustHave === true ? 1 : 0;
  }
  return { ...side, weights, mustHave };
}
