import { NAME_READINGS_KEPT } from "../../defaults.js";
import { kindOfSkill } from "../lexicon/kind-of-skill.js";
import type { CompiledLexicon } from "../lexicon/types.js";
import { type AcronymForm, type AcronymForms, acronymForms } from "../text/acronym-match.js";
import { type CredentialWords, credentialWords } from "../text/credential-match.js";

/**
 * What the name-only rules of `lexicalSimilarity` read of one normalised name: its acronym forms, content
 * words, credential words and, for a name the lexicon does not know, the skill it is a kind of. Reading a
 * name splits and scans it with regular expressions; a rank call compares each of ~30,000 distinct names with
 * 20 required ones, so reading both names of every pair was most of a fresh process's time.
 */
export type NameReading = {
  readonly acronymForms: AcronymForms;
  readonly contentWords: readonly string[];
  readonly credential: CredentialWords;
  /** `kindOfSkill` of a name the lexicon does not know; -1 for a known name or one with no known tail. */
  readonly kind: number;
};

/** Reads names for the lexical rules (see `NameReading`). */
export type NameReadings = {
  /** The reading of `norm`, whose lexicon index is `lexIndex` (-1 when unknown). */
  of(norm: string, lexIndex: number): NameReading;
};

/** Reads `norm` afresh. Allocates. */
export function readName(lex: CompiledLexicon, norm: string, lexIndex: number): NameReading {
  const forms = acronymForms(norm);
  // The first form is the name without its parenthetical and possessives: its content words.
  const content = (forms[0] as AcronymForm).words;
  return {
    acronymForms: forms,
    contentWords: content,
    credential: credentialWords(content),
    kind: lexIndex < 0 ? kindOfSkill(lex, norm) : -1,
  };
}

/**
 * Readings kept for the most recent names, so a pair reads each of its names once per engine rather than
 * once per pair: a new candidate name is compared with every required name in a row, and the role's names
 * recur for every candidate. Bounded: starts over past `kept` names, which costs only re-reading.
 */
export function createNameReadings(lex: CompiledLexicon, kept = NAME_READINGS_KEPT): NameReadings {
  const byNorm = new Map<string, NameReading>();
  return {
    of(norm, lexIndex) {
      let found = byNorm.get(norm);
      if (found === undefined) {
        if (byNorm.size >= kept) byNorm.clear();
        found = readName(lex, norm, lexIndex);
        byNorm.set(norm, found);
      }
      return found;
    },
  };
}

/** Readings that are never kept: every call reads the name afresh (the reference engine's way). */
export function freshNameReadings(lex: CompiledLexicon): NameReadings {
  return { of: (norm, lexIndex) => readName(lex, norm, lexIndex) };
}
