import type { CompiledLexicon } from "../core/lexicon/types.js";
import type { HeadWords } from "../core/text/head-words.js";
import { normalizeName } from "../core/text/normalize-name.js";
import type { Domain } from "../core/types.js";
import { classifyDomain } from "../lexicon/classify-domain.js";
import type { DomainKeywords } from "../lexicon/compile-domain-keywords.js";
import { findSkill } from "../lexicon/find-skill.js";
import { nameHead } from "../lexicon/name-head.js";

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
 * Interns skill names: raw name → normalised name → entry with a stable id, lexicon index and domain. Names
 * repeat heavily across calls (a role against thousands of candidates), so each is normalised and looked up
 * once. Bounded: past `limit` names the maps start over; ids keep increasing so they are never reused.
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
  const byRaw = new Map<string, NameEntry>();
  const byNorm = new Map<string, NameEntry>();
  let nextId = 0;
  const intern = (norm: string): NameEntry => {
    const head = nameHead(norm);
    // The head word is a name of its own (one word, so it has no head): interned once, embedded once.
    const headEntry = head === null ? null : (byNorm.get(head.head) ?? intern(head.head));
    const entry: NameEntry = {
      id: nextId++,
      norm,
      lexIndex: findSkill(lexicon, norm),
      domain: classifyDomain(lexicon, keywords, norm),
      cacheKey: `${modelId}\u0000${norm}`,
      head,
      headEntry,
    };
    byNorm.set(norm, entry);
    return entry;
  };
  return {
    entry(raw) {
      let found = byRaw.get(raw);
      if (found !== undefined) return found;
      const norm = normalizeName(raw);
      found = byNorm.get(norm);
      if (found === undefined) {
        if (byNorm.size >= limit) {
          byNorm.clear();
          byRaw.clear();
        }
        found = intern(norm);
      }
      byRaw.set(raw, found);
      return found;
    },
    get exhausted() {
      return nextId >= MAX_NAME_IDS;
    },
  };
}
