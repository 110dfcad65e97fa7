import { CREDENTIAL_WORDS } from "../core/text/credential-match.js";
import type { HeadWords } from "../core/text/head-words.js";
import { COORDINATIONS, FILLERS, headTokenIndex, LIGHT_NOUNS, PREPOSITIONS } from "./head-token-index.js";
import { tokenize } from "./tokenize.js";

/** A parenthetical aside ("(PLCs)") is never part of a name's head phrase. */
const PARENTHETICAL = /\([^)]*\)/g;

/**
 * Credential words never decide which skill a name is: a credential names the skill it certifies
 * ("forklift CERTIFICATION" is about forklifts, "rn LICENSE" about nursing). They are left out before the head
 * is found, so "excel certification" is a one-word name with no head, like "excel". The head finder also
 * skips a few words that only sometimes name a credential ("card", "registration"), which are too loose for
 * credential matching itself to read as "another name for the skill".
 */
const CREDENTIALS: ReadonlySet<string> = new Set([
  ...CREDENTIAL_WORDS,
  "card",
  "registration",
  "endorsement",
  "qualification",
]);

/** A three-letter word with a vowel reads as a word, not an abbreviation ("law", "tax"; not "cd", "sql"). */
const SHORT_WORD = /^(?=.*[aeiouy])[a-z]{3}$/;

/** A word left alone before a light noun (`LIGHT_NOUNS`: "MACHINE operation") heads the name only when it is a real word, not an abbreviation. */
const MIN_LONE_HEAD = 4;

/**
 * Head and content words of a normalised skill name for the head-disagreement guard, or null when it has no
 * head (see `headTokenIndex`: one content word, a prepositional phrase, a run of abbreviations, a
 * coordination of single words; other coordinations: `coordinationHead`). Reads the name as the word-vector embedder does, parenthetical left out; credential words
 * are dropped and a light activity noun hands the head to the word before it. Allocates; call once per
 * distinct name.
 *
 * @param normTokens `tokenize(norm)` when the caller has it (the name table reads it for the domain too); only
 *   used for a name without a parenthetical, which is read without it
 * @example nameHead("traffic engineering") // { head: "engineering", words: ["traffic", "engineering"] }
 */
export function nameHead(norm: string, normTokens?: readonly string[]): HeadWords | null {
  const all = norm.includes("(")
    ? tokenize(norm.replace(PARENTHETICAL, " "))
    : (normTokens ?? tokenize(norm));
  const tokens = all.filter((t) => !CREDENTIALS.has(t));
  const plain = tokens.filter((t) => !LIGHT_NOUNS.has(t));
  const words: string[] = [];
  for (const t of plain) if (!FILLERS.has(t) && !words.includes(t)) words.push(t);
  const head = headTokenIndex(plain, plain.length);
  if (head >= 0) return { head: plain[head]!, words };
  // Short plain words are not a run of abbreviations: "tax LAW", "art LAW" have a head too.
  const last = words[words.length - 1];
  if (
    words.length >= 2 &&
    last !== undefined &&
    SHORT_WORD.test(last) &&
    !plain.some((t) => COORDINATIONS.has(t) || PREPOSITIONS.has(t))
  )
    return { head: last, words };
  // "machine operation": one content word before an activity noun is the head.
  if (words.length === 1 && plain.length < tokens.length && words[0]!.length >= MIN_LONE_HEAD)
    return { head: words[0]!, words };
  return coordinationHead(plain, words);
}

/**
 * Head of a coordination without a prepositional phrase. "labor and delivery NURSING", "health and safety
 * TRAINING" (single words before a final compound) read as one compound with a coordinated modifier: the final
 * compound's head. "industrial DESIGN and PROTOTYPING" is a list of phrases with one head each (`heads`), at
 * least one of them a compound. Anything else (a list of single words, "sales and marketing") has no head.
 */
function coordinationHead(plain: readonly string[], words: string[]): HeadWords | null {
  if (!plain.some((t) => COORDINATIONS.has(t)) || plain.some((t) => PREPOSITIONS.has(t))) return null;
  const conjuncts: string[][] = [[]];
  for (const t of plain) {
    if (COORDINATIONS.has(t)) conjuncts.push([]);
    else if (!FILLERS.has(t)) conjuncts[conjuncts.length - 1]!.push(t);
  }
  if (conjuncts.some((c) => c.length === 0)) return null;
  const heads: string[] = [];
  for (const c of conjuncts) {
    if (c.length === 1) {
      heads.push(c[0]!);
      continue;
    }
    const k = headTokenIndex(c, c.length);
    if (k < 0) return null;
    heads.push(c[k]!);
  }
  const last = conjuncts[conjuncts.length - 1]!;
  if (last.length >= 2 && conjuncts.slice(0, -1).every((c) => c.length === 1))
    return { head: heads[heads.length - 1]!, words };
  if (conjuncts.every((c) => c.length === 1)) return null;
  return { head: heads[0]!, words, heads };
}
