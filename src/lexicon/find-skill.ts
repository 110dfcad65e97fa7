import type { CompiledLexicon } from "../core/lexicon/types.js";
import type { Domain } from "../core/types.js";

type Suffix = { readonly text: string; readonly domains: readonly Domain[] | null };

const CODE: readonly Domain[] = ["SoftwareDevelopment", "DataScience"];
/**
 * Decorations tried when the name itself is unknown, longest first. A suffix only counts when what is left
 * is a skill of the listed domains ("python programming" → Python, "spanish language" → Spanish), so
 * "sales development" never collapses to "sales" and "sign language" never to "sign". `null` = any domain.
 */
const SUFFIXES: readonly Suffix[] = [
  { text: " programming language", domains: CODE },
  { text: " programming", domains: CODE },
  { text: " development", domains: CODE },
  { text: " developer", domains: CODE },
  { text: " language", domains: ["SoftwareDevelopment", "DataScience", "Languages"] },
  { text: " skills", domains: null },
];

/**
 * Index of the skill named `norm` (a `normalizeName` result), or -1. Tries the exact key first, then the
 * key with `-`/`_` read as spaces, then the name without one of the SUFFIXES. The fallbacks allocate strings;
 * call once per distinct name, not per pair.
 */
export function findSkill(lex: CompiledLexicon, norm: string): number {
  const direct = lex.index.get(norm);
  if (direct !== undefined) return direct;
  const spaced = norm.replace(/[-_]+/g, " ");
  if (spaced !== norm) {
    const hit = lex.index.get(spaced);
    if (hit !== undefined) return hit;
  }
  for (const suffix of SUFFIXES) {
    if (!spaced.endsWith(suffix.text) || spaced.length === suffix.text.length) continue;
    const hit = lex.index.get(spaced.slice(0, -suffix.text.length));
    if (hit !== undefined && (suffix.domains === null || suffix.domains.includes(lex.domains[hit]!)))
      return hit;
  }
  return -1;
}
