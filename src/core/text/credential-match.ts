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

/** A name's words as the credential rule reads them (see `credentialWords`). */
export type CredentialWords = {
  /** Content words without credential words. */
  readonly words: readonly string[];
  /** True when a credential word was dropped. */
  readonly dropped: boolean;
};

/** A name's content words (`contentWords`) without its credential words. Allocates: read once per name. */
export function credentialWords(all: readonly string[]): CredentialWords {
  const words: string[] = [];
  for (const w of all) if (!CREDENTIAL_WORDS.has(w)) words.push(w);
  return { words, dropped: words.length !== all.length };
}

/**
 * True when two different normalised names are the same words once credential words ("license",
 * "certified", "certificate") are dropped, plurals aside: "security guard license" = "security guard",
 * "certified pharmacy technician" = "pharmacy technician". The general rule behind the lexicon's credential
 * suffixes, for names the lexicon does not know. Allocates; the engines read each name once and call
 * `credentialWordsMatch`.
 *
 * @example credentialMatch("security guard license", "security guard") // true
 */
export function credentialMatch(a: string, b: string): boolean {
  return a !== b && credentialWordsMatch(credentialWords(contentWords(a)), credentialWords(contentWords(b)));
}

/** `credentialMatch` over words read once per name (`credentialWords`), for two different names. */
export function credentialWordsMatch(a: CredentialWords, b: CredentialWords): boolean {
  const x = a.words;
  const y = b.words;
  // Only a dropped credential word makes the match: plurals alone are not another name ("darts" ≠ "dart").
  if (x.length === 0 || x.length !== y.length || !(a.dropped || b.dropped)) return false;
  for (let k = 0; k < x.length; k++) if (!sameWord(x[k]!, y[k]!)) return false;
  return true;
}
