import {
  LEXICON_SIMILARITY_ALIAS,
  LEXICON_SIMILARITY_CHILD,
  LEXICON_SIMILARITY_EXACT,
  LEXICON_SIMILARITY_HOP_DECAY,
  LEXICON_SIMILARITY_INHERITED_RELATED,
  LEXICON_SIMILARITY_PARENT,
  LEXICON_SIMILARITY_RELATED,
  LEXICON_SIMILARITY_SIBLING,
  LEXICON_SIMILARITY_SIBLING_DISCIPLINE,
} from "../../defaults.js";
import { sameHead } from "../text/head-words.js";
import type { Relation } from "../types.js";
import { directChildCount } from "./direct-child-count.js";
import type { CompiledLexicon } from "./types.js";

export const RELATION_NONE = 0;
export const RELATION_EXACT = 1;
export const RELATION_ALIAS = 2;
/** Candidate is a specialisation of the requirement (candidate PostgreSQL, required SQL). */
export const RELATION_CHILD = 3;
/** Candidate is the generalisation (candidate SQL, required PostgreSQL). */
export const RELATION_PARENT = 4;
export const RELATION_RELATED = 5;
/** Both share a direct parent that is not a broad umbrella (MySQL, PostgreSQL under relational databases). */
export const RELATION_SIBLING = 6;
// 7 is RELATION_EMBEDDING (src/core/scoring/lexical-similarity.ts).
/**
 * Candidate is a part of the requirement, not a kind of it (Triage for Nursing, Conduit Bending for Electrical
 * Work): the same credit as a child, reported as "child", but not direct evidence for a must-have.
 */
export const RELATION_PART = 8;

/** Wire `Relation` of each code; sibling is reported as "related". */
export const RELATION_NAMES: readonly Relation[] = [
  "none",
  "exact",
  "alias",
  "child",
  "parent",
  "related",
  "related",
  "embedding",
  "child",
];

/**
 * A shared parent with more direct children than this is an umbrella ("Programming Languages", "Spoken
 * Languages"): Java and Python under it are not siblings. Narrow parents (SQL, JavaScript frameworks, cloud
 * platforms) keep sibling credit.
 */
export const SIBLING_MAX_PARENT_CHILDREN = 25;
/** Parent credit never falls below this however many hops away the requirement is. */
export const PARENT_SIMILARITY_FLOOR = 0.5;

/**
 * Lexicon relation of a candidate skill to a required skill (indices from `findSkill`, names normalised).
 * Writes the similarity into `out[0]` and returns a RELATION_* code; picks the strongest of exact/alias (same
 * skill), child, parent, related and sibling. Child similarity is CHILD − (hops−1)·HOP_DECAY floored at
 * RELATED; parent similarity is PARENT − (hops−1)·HOP_DECAY floored at PARENT_SIMILARITY_FLOOR.
 * Returns RELATION_NONE with `out[0] = 0` when either index is -1 or no relation exists. Allocates nothing
 * (after the first sibling check per lexicon).
 *
 * @example
 * const out = new Float64Array(1);
 * lexiconRelation(lex, findSkill(lex, "postgresql"), findSkill(lex, "sql"), "postgresql", "sql", out); // RELATION_CHILD, out[0] = 0.9
 */
export function lexiconRelation(
  lex: CompiledLexicon,
  candidateIndex: number,
  requiredIndex: number,
  candidateNorm: string,
  requiredNorm: string,
  out: Float64Array,
): number {
  out[0] = 0;
  if (candidateIndex < 0 || requiredIndex < 0) return RELATION_NONE;
  if (candidateIndex === requiredIndex) {
    const exact = candidateNorm === requiredNorm;
    out[0] = exact ? LEXICON_SIMILARITY_EXACT : LEXICON_SIMILARITY_ALIAS;
    return exact ? RELATION_EXACT : RELATION_ALIAS;
  }
  let code = RELATION_NONE;
  let best = 0;
  const up = lex.ancestors[candidateIndex]!.get(requiredIndex);
  if (up !== undefined) {
    const s = LEXICON_SIMILARITY_CHILD - (up - 1) * LEXICON_SIMILARITY_HOP_DECAY;
    best = Math.max(s, LEXICON_SIMILARITY_RELATED);
    code = lex.kinds[candidateIndex]!.has(requiredIndex) ? RELATION_CHILD : RELATION_PART;
  }
  const down = lex.ancestors[requiredIndex]!.get(candidateIndex);
  if (down !== undefined) {
    const raw = LEXICON_SIMILARITY_PARENT - (down - 1) * LEXICON_SIMILARITY_HOP_DECAY;
    const s = Math.max(raw, PARENT_SIMILARITY_FLOOR);
    if (s > best) {
      best = s;
      code = RELATION_PARENT;
    }
  }
  if (LEXICON_SIMILARITY_RELATED > best && lex.related[candidateIndex]!.has(requiredIndex)) {
    best = LEXICON_SIMILARITY_RELATED;
    code = RELATION_RELATED;
  }
  if (LEXICON_SIMILARITY_SIBLING_DISCIPLINE > best && areSiblings(lex, candidateIndex, requiredIndex)) {
    best = areSiblingDisciplines(lex, candidateIndex, requiredIndex)
      ? LEXICON_SIMILARITY_SIBLING_DISCIPLINE
      : LEXICON_SIMILARITY_SIBLING;
    code = RELATION_SIBLING;
  }
  if (
    LEXICON_SIMILARITY_INHERITED_RELATED > best &&
    (inheritsRelated(lex, candidateIndex, requiredIndex) ||
      inheritsRelated(lex, requiredIndex, candidateIndex))
  ) {
    best = LEXICON_SIMILARITY_INHERITED_RELATED;
    code = RELATION_RELATED;
  }
  out[0] = best;
  return code;
}

/**
 * True when a direct parent of `a` that is not a broad umbrella is related to `b`: a kind-of inherits its
 * parent's related skills ("Journeyman Plumber" is-a Plumbing, Plumbing ~ Pipe Fitting).
 */
export function inheritsRelated(lex: CompiledLexicon, a: number, b: number): boolean {
  const pa = lex.parents[a]!;
  for (let k = 0; k < pa.length; k++) {
    const p = pa[k]!;
    if (lex.related[p]!.has(b) && directChildCount(lex, p) <= SIBLING_MAX_PARENT_CHILDREN) return true;
  }
  return false;
}

/** True when the two skills share a direct parent with at most SIBLING_MAX_PARENT_CHILDREN children. */
export function areSiblings(lex: CompiledLexicon, a: number, b: number): boolean {
  const pa = lex.parents[a]!;
  const ancestorsB = lex.ancestors[b]!;
  for (let k = 0; k < pa.length; k++) {
    const p = pa[k]!;
    if (ancestorsB.get(p) === 1 && directChildCount(lex, p) <= SIBLING_MAX_PARENT_CHILDREN) return true;
  }
  return false;
}

// Last word of each canonical name ("" for one-word names), derived once per lexicon.
const LAST_WORDS = new WeakMap<CompiledLexicon, readonly string[]>();

function lastWords(lex: CompiledLexicon): readonly string[] {
  let words = LAST_WORDS.get(lex);
  if (words === undefined) {
    words = lex.canonical.map((name) => {
      const cut = name.lastIndexOf(" ");
      return cut < 0 ? "" : name.substring(cut + 1);
    });
    LAST_WORDS.set(lex, words);
  }
  return words;
}

/**
 * True when two skills' canonical names both have several words and end in the same head word (a shared
 * 4-letter stem counts: "nurse"/"nursing"): "Civil Engineering" and "Mechanical Engineering" are sibling
 * disciplines, MySQL and PostgreSQL are not. Allocates nothing after the first call per lexicon.
 */
export function areSiblingDisciplines(lex: CompiledLexicon, a: number, b: number): boolean {
  const words = lastWords(lex);
  const x = words[a]!;
  const y = words[b]!;
  return x.length >= 4 && y.length >= 4 && sameHead(x, y);
}

/** True when the lexicon relates the two skills in any way (same skill, ancestor, related, sibling). */
export function hasLexiconRelation(lex: CompiledLexicon, a: number, b: number): boolean {
  if (a < 0 || b < 0) return false;
  return (
    a === b ||
    lex.ancestors[a]!.has(b) ||
    lex.ancestors[b]!.has(a) ||
    lex.related[a]!.has(b) ||
    areSiblings(lex, a, b) ||
    inheritsRelated(lex, a, b) ||
    inheritsRelated(lex, b, a)
  );
}
