import type { CompiledLexicon } from "../core/lexicon/types.js";
import { dropLevelSuffix } from "../core/text/drop-level-suffix.js";
import { dropPossessive } from "../core/text/drop-possessive.js";
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
  // A credential names the skill it certifies: "rn license", "forklift certification", "cpa licence".
  { text: " license", domains: null },
  { text: " licence", domains: null },
  { text: " certification", domains: null },
  { text: " certificate", domains: null },
];
/** Credential prefixes read the same way: "licensed electrician", "certified welder", "journeyman plumber". */
const PREFIXES: readonly string[] = [
  "licensed ",
  "certified ",
  "qualified ",
  "journeyman ",
  "journey-level ",
];

/** A leading token this short that names a skill is read as an abbreviation ("hr", "qa", "ux", "ml"). */
const MAX_ABBREVIATION_LENGTH = 4;
/** A leading phrase of up to this many words is tried for contraction ("human resources" → "hr"). */
const MAX_EXPANDED_WORDS = 3;

/** Every index key of each skill (name and aliases, normalised), built once per lexicon. */
const KEYS = new WeakMap<CompiledLexicon, readonly string[][]>();

function keysBySkill(lex: CompiledLexicon): readonly string[][] {
  let keys = KEYS.get(lex);
  if (keys === undefined) {
    const built: string[][] = Array.from({ length: lex.size }, () => []);
    for (const [key, skill] of lex.index) built[skill]!.push(key);
    keys = built;
    KEYS.set(lex, keys);
  }
  return keys;
}

/**
 * Index of the skill named `norm` (a `normalizeName` result), or -1. Tries the exact key first, then the
 * key with `-`/`_` read as spaces, then the name without one of the SUFFIXES, then abbreviations in the
 * leading words (see `findByAbbreviation`). The fallbacks allocate strings; call once per distinct name, not
 * per pair.
 */
export function findSkill(lex: CompiledLexicon, norm: string): number {
  const direct = lex.index.get(norm);
  if (direct !== undefined) return direct;
  const spaced = norm.includes("-") || norm.includes("_") ? norm.replace(DASHES, " ") : norm;
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
  for (const prefix of PREFIXES) {
    if (!spaced.startsWith(prefix) || spaced.length === prefix.length) continue;
    const hit = findSkill(lex, spaced.slice(prefix.length));
    if (hit >= 0) return hit;
  }
  const abbreviated = findByAbbreviation(lex, spaced);
  if (abbreviated >= 0) return abbreviated;
  return findVariant(lex, norm);
}

const DASHES = /[-_]+/g;
const PARENTHETICAL = /\s*\(([^)]*)\)\s*/g;
/** Practitioner suffixes and the practice they name; the result must be an exact key. */
const ROLE_FORMS: readonly (readonly [string, string])[] = [
  [" operator", " operation"],
  [" operators", " operation"],
  [" nurse", " nursing"],
  [" nurses", " nursing"],
];
/** A trailing plural on a word of at least this many letters may be dropped ("controllers", "plcs"). */
const MIN_PLURAL_LENGTH = 4;

/**
 * Punctuation and plural variants of a known name: a possessive is dropped, a level suffix too ("emt-b" →
 * "emt", see `dropLevelSuffix`), "programmable-logic controllers
 * (plcs)" is tried as "programmable-logic controllers" and as "plcs", each also without a trailing plural s
 * ("plc").
 */
function findVariant(lex: CompiledLexicon, norm: string): number {
  const plain = dropPossessive(norm);
  if (plain !== norm) return findSkill(lex, plain);
  // "emt-b", "hvac/r": a credential abbreviation with its level suffix names the credential's skill.
  const stem = dropLevelSuffix(norm);
  if (stem !== norm) return lex.index.get(stem) ?? -1;
  // A practitioner names the practice: "forklift operator" is forklift operation, "practical nurse" nursing.
  for (const [role, practice] of ROLE_FORMS) {
    if (norm.length <= role.length || !norm.endsWith(role)) continue;
    const hit = lex.index.get(norm.slice(0, -role.length) + practice);
    if (hit !== undefined) return hit;
  }
  const tries: string[] = [];
  if (norm.includes("(")) {
    const outer = norm.replace(PARENTHETICAL, " ").trim();
    if (outer.length > 0 && outer !== norm) tries.push(outer);
    for (const m of norm.matchAll(PARENTHETICAL)) {
      const inner = (m[1] ?? "").trim();
      if (inner.length > 0) tries.push(inner);
    }
  } else tries.push(norm);
  for (const t of tries) {
    if (t !== norm) {
      const hit = findSkill(lex, t);
      if (hit >= 0) return hit;
    }
    // A plural phrase ("logic controllers") or a plural abbreviation without vowels ("plcs"), never a
    // plural word ("darts" is not Dart) nor a listed false friend.
    const phrase = /[\s-]/.test(t);
    if (
      t.length >= MIN_PLURAL_LENGTH &&
      t.endsWith("s") &&
      !t.endsWith("ss") &&
      (phrase || !/[aeiou]/.test(t))
    ) {
      const single = t.slice(0, -1);
      const hit = lex.index.get(single) ?? lex.index.get(single.replace(/[-_]+/g, " "));
      if (hit !== undefined && lex.falseFriends[hit]?.has(t) !== true) return hit;
    }
  }
  return -1;
}

/**
 * A multi-word name whose leading abbreviation or leading expanded phrase is swapped for another name of the
 * same skill names a known skill: "hr management" → "human resources management", "human resources
 * analytics" → "hr analytics", "qa engineering" → "quality assurance engineering". Only a leading token of at
 * most MAX_ABBREVIATION_LENGTH characters counts as an abbreviation, only a multi-word key counts as its
 * expansion, and the result must be an exact key, so "rust prevention" or "go to market" never resolve to a
 * programming language.
 */
function findByAbbreviation(lex: CompiledLexicon, spaced: string): number {
  // Words are read by their spaces in place: a split and a join per new name were most of this function's
  // time in a ranking, where nearly every new name comes here and nearly none is an abbreviation.
  const first = spaced.indexOf(" ");
  if (first < 0) return -1;
  // The keys by skill are built on first need only: a cold process that meets no abbreviation never pays
  // for them (~12 ms over the whole index).
  const head = spaced.substring(0, first);
  const abbreviated = head.length <= MAX_ABBREVIATION_LENGTH ? lex.index.get(head) : undefined;
  if (abbreviated !== undefined) {
    const rest = spaced.slice(head.length);
    for (const key of keysBySkill(lex)[abbreviated]!) {
      if (!key.includes(" ")) continue;
      const hit = lex.index.get(key + rest);
      if (hit !== undefined) return hit;
    }
  }
  // The leading phrases of 2 to MAX_EXPANDED_WORDS words that leave at least one word after them: each ends
  // at a space, the n-th space ending the phrase of n words.
  const ends: number[] = [];
  for (let at = spaced.indexOf(" ", first + 1); at >= 0 && ends.length < MAX_EXPANDED_WORDS - 1; ) {
    ends.push(at);
    at = spaced.indexOf(" ", at + 1);
  }
  for (let k = ends.length - 1; k >= 0; k--) {
    const prefix = spaced.substring(0, ends[k]!);
    const expanded = lex.index.get(prefix);
    if (expanded === undefined) continue;
    const rest = spaced.slice(prefix.length);
    for (const key of keysBySkill(lex)[expanded]!) {
      if (key.length > MAX_ABBREVIATION_LENGTH || key.includes(" ")) continue;
      const hit = lex.index.get(key + rest);
      if (hit !== undefined) return hit;
    }
  }
  return -1;
}
