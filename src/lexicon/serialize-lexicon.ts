import type { CompiledLexicon } from "../core/lexicon/types.js";
import type { Domain } from "../core/types.js";
import type { DomainKeywords } from "./compile-domain-keywords.js";

/** Bump when the shape below changes; a loader treats any other format as absent. */
export const COMPILED_LEXICON_FORMAT = 2;

/**
 * The compiled lexicon and domain keywords as plain JSON: every Map and Set as arrays in its iteration
 * order, so that rebuilding them gives the same lookups in the same order. Written by the build after
 * validation; read back with no validation at all.
 */
export type CompiledLexiconJson = {
  readonly format: typeof COMPILED_LEXICON_FORMAT;
  /** Source files (data/skills/*.json, then domain-keywords.json) the artifact was built from. */
  readonly sources: readonly string[];
  readonly version: string;
  readonly ids: readonly string[];
  readonly names: readonly string[];
  readonly domains: readonly Domain[];
  readonly indexKeys: readonly string[];
  readonly indexSkills: readonly number[];
  readonly canonical: readonly string[];
  /** Per skill: ancestor, hops, ancestor, hops, … */
  readonly ancestors: readonly (readonly number[])[];
  /** Per skill: its is-a-only ancestors. */
  readonly kinds: readonly (readonly number[])[];
  readonly parents: readonly (readonly number[])[];
  readonly related: readonly (readonly number[])[];
  readonly falseFriends: readonly (readonly string[])[];
  readonly keywordPhrases: readonly string[];
  readonly keywordDomains: readonly Domain[];
  readonly keywordMaxWords: number;
};

/** Lexicon and keywords as one JSON text (see CompiledLexiconJson). */
export function serializeLexicon(
  lexicon: CompiledLexicon,
  keywords: DomainKeywords,
  sources: readonly string[],
): string {
  const json: CompiledLexiconJson = {
    format: COMPILED_LEXICON_FORMAT,
    sources,
    version: lexicon.version,
    ids: lexicon.ids,
    names: lexicon.names,
    domains: lexicon.domains,
    indexKeys: [...lexicon.index.keys()],
    indexSkills: [...lexicon.index.values()],
    canonical: lexicon.canonical,
    ancestors: lexicon.ancestors.map((hops) => [...hops].flat()),
    kinds: lexicon.kinds.map((set) => [...set]),
    parents: lexicon.parents,
    related: lexicon.related.map((set) => [...set]),
    falseFriends: lexicon.falseFriends.map((set) => [...set]),
    keywordPhrases: [...keywords.phrases.keys()],
    keywordDomains: [...keywords.phrases.values()],
    keywordMaxWords: keywords.maxWords,
  };
  return JSON.stringify(json);
}

/** Rebuilds the lookup structures from parsed CompiledLexiconJson. Trusts its input: validation ran in the build. */
export function deserializeLexicon(json: CompiledLexiconJson): {
  lexicon: CompiledLexicon;
  keywords: DomainKeywords;
} {
  const index = new Map<string, number>();
  for (let k = 0; k < json.indexKeys.length; k++)
    index.set(json.indexKeys[k] as string, json.indexSkills[k] as number);
  const ancestors = json.ancestors.map((flat) => {
    const hops = new Map<number, number>();
    for (let k = 0; k < flat.length; k += 2) hops.set(flat[k] as number, flat[k + 1] as number);
    return hops;
  });
  const phrases = new Map<string, Domain>();
  for (let k = 0; k < json.keywordPhrases.length; k++)
    phrases.set(json.keywordPhrases[k] as string, json.keywordDomains[k] as Domain);
  return {
    lexicon: {
      version: json.version,
      size: json.ids.length,
      ids: json.ids,
      names: json.names,
      domains: json.domains,
      index,
      canonical: json.canonical,
      ancestors,
      kinds: json.kinds.map((list) => new Set(list)),
      parents: json.parents,
      related: json.related.map((list) => new Set(list)),
      falseFriends: json.falseFriends.map((list) => new Set(list)),
    },
    keywords: { phrases, maxWords: json.keywordMaxWords },
  };
}
