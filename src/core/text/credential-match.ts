import { contentWords, sameWord } from "./acronym-match.js";

/**
 * Words that name a credential, not a skill: a licence or certificate names the skill it certifies, so
 * "security guard license" is another name for "security guard" (SPEC §2.10: direct evidence).
 */
export const CREDENTIAL_WORDS: ReadonlySet<string> = new Set([
  "license",
  "licence",
  "licensed",
  "licensure",
  "certification",
  "certificate",
  "certified",
  "cert",
  "credential",
  "permit",
]);

function skillWords(norm: string): string[] {
  const out: string[] = [];
  for (const w of contentWords(norm)) if (!CREDENTIAL_WORDS.has(w)) out.push(w);
  return out;
}

/**
 * True when two different normalised names are the same words once credential words ("license",
 * "certified", "certificate") are dropped, plurals aside: "security guard license" = "security guard",
 * "certified pharmacy technician" = "pharmacy technician". The general rule behind the lexicon's credential
 * suffixes, for names the lexicon does not know. Allocates; call once per distinct pair.
 *
 * @example credentialMatch("security guard license", "security guard") // true
 */
export function credentialMatch(a: string, b: string): boolean {
  if (a === b) return false;
  const x = skillWords(a);
  const y = skillWords(b);
  // Only a dropped credential word makes the match: plurals alone are not another name ("darts" ≠ "dart").
  if (
    x.length === 0 ||
    x.length !== y.length ||
    x.length + y.length === contentWords(a).length + contentWords(b).length
  )
    return false;
  for (let k = 0; k < x.length; k++) if (!sameWord(x[k]!, y[k]!)) return false;
  return true;
}
