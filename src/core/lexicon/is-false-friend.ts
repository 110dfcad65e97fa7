import { hasLexiconRelation } from "./lexicon-relation.js";
import type { CompiledLexicon } from "./types.js";

const PLUS = 43; // "+"
const HASH = 35; // "#"
const SPACE = 32;

/** Endings that make a longer word an inflection of the shorter one ("lead"/"leadership", "excel"/"excels"). */
const INFLECTIONS: readonly string[] = [
  "s",
  "es",
  "ing",
  "ings",
  "er",
  "ers",
  "ed",
  "ment",
  "ments",
  "ship",
  "ership",
  "ion",
  "ions",
  "ation",
  "ations",
  "ist",
  "ists",
  "ism",
  "ics",
  "ic",
  "al",
  "ly",
  "r",
  "d",
  "or",
  "ors",
];

/**
 * True when two names look alike but must never match. In order:
 * 1. the lexicon lists one as a false friend of the other (by the raw normalised name, or by any name/alias
 *    of the other's skill, merged both ways at compile time) → true;
 * 2. the lexicon knows both as the same skill or relates them (ancestor, related, sibling) → false;
 * 3. structural guards for names the lexicon does not know: equal once `+`/`#` are removed but different raw
 *    (`c`/`c++`/`c#`, `f`/`f#`), or single-token names where one is a strict prefix of the other and the rest
 *    is not a plain inflection (`java`/`javascript`, `go`/`google`, `excel`/`excellence`).
 * Indices are `findSkill` results (-1 when unknown); names are normalised. Allocates nothing, except the
 * one-time child-count table the sibling check builds per lexicon.
 */
export function isFalseFriend(
  lex: CompiledLexicon,
  candidateIndex: number,
  requiredIndex: number,
  candidateNorm: string,
  requiredNorm: string,
): boolean {
  if (candidateNorm === requiredNorm) return false;
  if (candidateIndex >= 0) {
    const ff = lex.falseFriends[candidateIndex]!;
    if (ff.has(requiredNorm) || (requiredIndex >= 0 && ff.has(lex.canonical[requiredIndex]!))) return true;
  }
  if (requiredIndex >= 0) {
    const ff = lex.falseFriends[requiredIndex]!;
    if (ff.has(candidateNorm) || (candidateIndex >= 0 && ff.has(lex.canonical[candidateIndex]!))) return true;
  }
  if (hasLexiconRelation(lex, candidateIndex, requiredIndex)) return false;
  return equalWithoutPlusHash(candidateNorm, requiredNorm) || isBarePrefix(candidateNorm, requiredNorm);
}

/** `c` vs `c++`: equal when `+` and `#` are skipped (raw strings are known to differ). */
function equalWithoutPlusHash(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && isPlusHash(a.charCodeAt(i))) i++;
    while (j < b.length && isPlusHash(b.charCodeAt(j))) j++;
    if (i === a.length || j === b.length) return i === a.length && j === b.length;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
    i++;
    j++;
  }
}

function isPlusHash(code: number): boolean {
  return code === PLUS || code === HASH;
}

/**
 * A single-token name is a strict prefix of a token of the other name, and the rest of that token is not an
 * inflection: `java`/`javascript`, `go`/`google`, and inside longer names `go`/`good judgement`,
 * `excel`/`excellent communication`. Scans token boundaries in place; allocates nothing.
 */
function isBarePrefix(a: string, b: string): boolean {
  const short = a.length < b.length ? a : b;
  const long = a.length < b.length ? b : a;
  if (short.length === long.length || short.length === 0 || hasSpace(short)) return false;
  let start = 0;
  while (start < long.length) {
    let end = start;
    while (end < long.length && long.charCodeAt(end) !== SPACE) end++;
    if (
      end - start > short.length &&
      long.startsWith(short, start) &&
      !isInflection(long, start + short.length, end)
    ) {
      return true;
    }
    start = end + 1;
  }
  return false;
}

function hasSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === SPACE) return true;
  return false;
}

function isInflection(s: string, from: number, end: number): boolean {
  const rest = end - from;
  if (rest > 6) return false;
  for (let k = 0; k < INFLECTIONS.length; k++) {
    const ending = INFLECTIONS[k]!;
    if (ending.length === rest && s.startsWith(ending, from)) return true;
  }
  return false;
}
