import {
  type AcronymExpansions,
  expansionsOf,
  primeAcronymExpansions,
} from "../core/lexicon/acronym-allowed.js";
import type { CompiledLexicon } from "../core/lexicon/types.js";
import type { Domain } from "../core/types.js";
import type { DomainKeywords } from "./compile-domain-keywords.js";

const EMPTY_MAP: ReadonlyMap<number, number> = new Map();
const EMPTY_SET: ReadonlySet<never> = new Set();
const EMPTY_LIST: readonly never[] = [];

/** Bump when the shape below changes; a loader treats any other format as absent. */
export const COMPILED_LEXICON_FORMAT = 4;

/**
 * Per-skill lists as one flat array: skill i's items are `values[offsets[i] .. offsets[i+1])`. One array of
 * numbers parses several times faster than 4,000 small ones, and a skill with no items costs nothing.
 */
export type FlatLists<T> = { readonly offsets: readonly number[]; readonly values: readonly T[] };

/**
 * The compiled lexicon and domain keywords as plain JSON: every Map and Set as flat lists in its iteration
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
  readonly ancestors: FlatLists<number>;
  /** Per skill: its is-a-only ancestors. */
  readonly kinds: FlatLists<number>;
  readonly parents: FlatLists<number>;
  readonly related: FlatLists<number>;
  readonly falseFriends: FlatLists<string>;
  readonly keywordPhrases: readonly string[];
  readonly keywordDomains: readonly Domain[];
  readonly keywordMaxWords: number;
  /** The acronym rule's expansions (acronym-allowed.ts): the skills that have any, and theirs. */
  readonly expansionSkills: readonly number[];
  readonly expansionWords: readonly (readonly (readonly string[])[])[];
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
    ancestors: flatten(lexicon.ancestors.map((hops) => [...hops].flat())),
    kinds: flatten(lexicon.kinds.map((set) => [...set])),
    parents: flatten(lexicon.parents),
    related: flatten(lexicon.related.map((set) => [...set])),
    falseFriends: flatten(lexicon.falseFriends.map((set) => [...set])),
    keywordPhrases: [...keywords.phrases.keys()],
    keywordDomains: [...keywords.phrases.values()],
    keywordMaxWords: keywords.maxWords,
    ...sparseExpansions(expansionsOf(lexicon)),
  };
  return JSON.stringify(json);
}

function sparseExpansions(table: AcronymExpansions): {
  expansionSkills: number[];
  expansionWords: (readonly (readonly string[])[])[];
} {
  const expansionSkills: number[] = [];
  const expansionWords: (readonly (readonly string[])[])[] = [];
  table.forEach((words, skill) => {
    if (words === null) return;
    expansionSkills.push(skill);
    expansionWords.push(words);
  });
  return { expansionSkills, expansionWords };
}

function flatten<T>(lists: readonly (readonly T[])[]): FlatLists<T> {
  const offsets = [0];
  const values: T[] = [];
  for (const list of lists) {
    values.push(...list);
    offsets.push(values.length);
  }
  return { offsets, values };
}

/**
 * Skill i's list of `flat`, each made by `make` from the items' range; skills with no items share `empty`
 * (most skills have no false friends, a third no parent): thousands fewer objects at every start.
 */
function unflatten<T, R>(
  flat: FlatLists<T>,
  empty: R,
  make: (values: readonly T[], from: number, to: number) => R,
): R[] {
  const out = new Array<R>(flat.offsets.length - 1);
  for (let i = 0; i < out.length; i++) {
    const from = flat.offsets[i] as number;
    const to = flat.offsets[i + 1] as number;
    out[i] = from === to ? empty : make(flat.values, from, to);
  }
  return out;
}

function setOf<T>(values: readonly T[], from: number, to: number): Set<T> {
  const set = new Set<T>();
  for (let k = from; k < to; k++) set.add(values[k] as T);
  return set;
}

/** Rebuilds the lookup structures from parsed CompiledLexiconJson. Trusts its input: validation ran in the build. */
export function deserializeLexicon(json: CompiledLexiconJson): {
  lexicon: CompiledLexicon;
  keywords: DomainKeywords;
} {
  const index = new Map<string, number>();
  for (let k = 0; k < json.indexKeys.length; k++)
    index.set(json.indexKeys[k] as string, json.indexSkills[k] as number);
  // Shared empty collections are safe: a CompiledLexicon is never mutated after it is built.
  const ancestors = unflatten(json.ancestors, EMPTY_MAP, (values, from, to) => {
    const hops = new Map<number, number>();
    for (let k = from; k < to; k += 2) hops.set(values[k] as number, values[k + 1] as number);
    return hops;
  });
  const phrases = new Map<string, Domain>();
  for (let k = 0; k < json.keywordPhrases.length; k++)
    phrases.set(json.keywordPhrases[k] as string, json.keywordDomains[k] as Domain);
  const lexicon: CompiledLexicon = {
    version: json.version,
    size: json.ids.length,
    ids: json.ids,
    names: json.names,
    domains: json.domains,
    index,
    canonical: json.canonical,
    ancestors,
    kinds: unflatten(json.kinds, EMPTY_SET as ReadonlySet<number>, setOf),
    parents: unflatten(json.parents, EMPTY_LIST as readonly number[], (v, from, to) => v.slice(from, to)),
    related: unflatten(json.related, EMPTY_SET as ReadonlySet<number>, setOf),
    falseFriends: unflatten(json.falseFriends, EMPTY_SET as ReadonlySet<string>, setOf),
  };
  const expansions = new Array<readonly (readonly string[])[] | null>(lexicon.size).fill(null);
  json.expansionSkills.forEach((skill, k) => {
    expansions[skill] = json.expansionWords[k] ?? null;
  });
  primeAcronymExpansions(lexicon, expansions);
  return { lexicon, keywords: { phrases, maxWords: json.keywordMaxWords } };
}
