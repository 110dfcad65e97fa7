import type { CompiledLexicon } from "../core/lexicon/types.js";
import type { HeadWords } from "../core/text/head-words.js";
import { normalizeName } from "../core/text/normalize-name.js";
import type { Domain } from "../core/types.js";
import { classifyDomain } from "../lexicon/classify-domain.js";
import type { DomainKeywords } from "../lexicon/compile-domain-keywords.js";
import { findSkill } from "../lexicon/find-skill.js";
import { nameHead } from "../lexicon/name-head.js";
import { tokenize } from "../lexicon/tokenize.js";

/** What a matcher knows about one normalised name. Immutable once created. */
export type NameEntry = {
  /** Interned id, unique for the table's lifetime (< 2^26). */
  readonly id: number;
  readonly norm: string;
  readonly lexIndex: number;
  readonly domain: Domain;
  /** Embedding cache key: model id and normalised name. */
  readonly cacheKey: string;
  /** Head and content words of a headed multi-word name, else null (see `nameHead`). */
  readonly head: HeadWords | null;
  /** The entry of the head word, whose embedding row the head-disagreement guard reads; null with `head`. */
  readonly headEntry: NameEntry | null;
};

/** Ids must stay below 2^26 (see core/engine/pair-memo.ts). */
export const MAX_NAME_IDS = 67_108_864;

/**
 * Interns skill names: raw name → normalised name → entry with a stable id, lexicon index and domain. Each
 * normalised name is read once (head words, lexicon search, domain). Raw names are not kept here: the
 * matcher asks once per raw name it meets (RawNames keeps them, by a string table), so a map by raw name
 * only cost every new name two more lookups and a map entry. Bounded: past `limit` names the map starts
 * over; ids keep increasing so they are never reused.
 */
export type NameTable = {
  entry(raw: string): NameEntry;
  /** True once ids are exhausted; the owner must then build a new table and a new engine. */
  readonly exhausted: boolean;
};

export function createNameTable(
  lexicon: CompiledLexicon,
  keywords: DomainKeywords,
  modelId: string,
  limit: number,
): NameTable {
  const byNorm = new Map<string, NameEntry>();
  // One copy of each word for every head of the table: "management" heads thousands of names, and each
  // name's words were split from its own string (~15 MB per scoring thread over 100,000 lines).
  const words = new Map<string, string>();
  const word = (w: string): string => {
    const found = words.get(w);
    if (found !== undefined) return found;
    words.set(w, w);
    return w;
  };
  const keyPrefix = `${modelId}\u0000`;
  // The cache key is read once per raw name a session resolves, so it is built when read rather than kept
  // in every entry (a string of ~70 bytes per name).
  class Entry implements NameEntry {
    readonly id: number;
    readonly norm: string;
    readonly lexIndex: number;
    readonly domain: Domain;
    readonly head: HeadWords | null;
    readonly headEntry: NameEntry | null;
    constructor(
      id: number,
      norm: string,
      lexIndex: number,
      domain: Domain,
      head: HeadWords | null,
      headEntry: NameEntry | null,
    ) {
      this.id = id;
      this.norm = norm;
      this.lexIndex = lexIndex;
      this.domain = domain;
      this.head = head;
      this.headEntry = headEntry;
    }
    get cacheKey(): string {
      return keyPrefix + this.norm;
    }
  }
  let nextId = 0;
  const intern = (norm: string): NameEntry => {
    // One tokenization for the head and the domain (the parenthetical's words count for the domain only).
    const tokens = norm.includes("(") ? undefined : tokenize(norm);
    const found = nameHead(norm, tokens);
    const head: HeadWords | null =
      found === null
        ? null
        : found.heads === undefined
          ? { head: word(found.head), words: found.words.map(word) }
          : { head: word(found.head), words: found.words.map(word), heads: found.heads.map(word) };
    // The head word is a name of its own (one word, so it has no head): interned once, embedded once.
    const headEntry = head === null ? null : (byNorm.get(head.head) ?? intern(head.head));
    const lexIndex = findSkill(lexicon, norm);
    const entry: NameEntry = new Entry(
      nextId++,
      norm,
      lexIndex,
      classifyDomain(lexicon, keywords, norm, lexIndex, tokens),
      head,
      headEntry,
    );
    byNorm.set(norm, entry);
    return entry;
  };
  return {
    entry(raw) {
      const norm = normalizeName(raw);
      const found = byNorm.get(norm);
      if (found !== undefined) return found;
      if (byNorm.size >= limit) {
        byNorm.clear();
        words.clear();
      }
      return intern(norm);
    },
    get exhausted() {
      return nextId >= MAX_NAME_IDS;
    },
  };
}
