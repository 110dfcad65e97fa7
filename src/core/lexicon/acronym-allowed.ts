import { acronymMatch, contentWords, sameWord } from "../text/acronym-match.js";
import type { CompiledLexicon } from "./types.js";

/** Per skill: the content words of each key that spells out another of its keys, or null when none does. */
export type AcronymExpansions = readonly (readonly (readonly string[])[] | null)[];

// Derived once per immutable lexicon and memoised here, like direct child counts.
const EXPANSIONS = new WeakMap<CompiledLexicon, AcronymExpansions>();
const NONE: readonly (readonly string[])[] = [];

/**
 * Hands over a table the build computed (see serialize-lexicon.ts), so that a fresh process does not compare
 * every skill's keys on its first unknown name (~20–30 ms at 4,000 skills).
 */
export function primeAcronymExpansions(lex: CompiledLexicon, table: AcronymExpansions): void {
  EXPANSIONS.set(lex, table);
}

/** The lexicon's AcronymExpansions: primed by the build's table, else computed on first use. */
export function expansionsOf(lex: CompiledLexicon): AcronymExpansions {
  let table = EXPANSIONS.get(lex);
  if (table === undefined) {
    const keys: string[][] = Array.from({ length: lex.size }, () => []);
    for (const [key, s] of lex.index) keys[s]?.push(key);
    const built: (string[][] | null)[] = new Array(lex.size).fill(null);
    keys.forEach((ks, s) => {
      for (const a of ks)
        for (const b of ks) {
          if (a.length >= b.length || !acronymMatch(a, b)) continue;
          built[s] ??= [];
          built[s].push(contentWords(b));
        }
    });
    table = built;
    EXPANSIONS.set(lex, table);
  }
  return table;
}

/** True when `words` holds `w`, up to a plural or a stem ("nurse" ~ "nursing"). */
function hasWord(words: readonly string[], w: string): boolean {
  for (const e of words) if (sameWord(e, w) || e.startsWith(w) || w.startsWith(e)) return true;
  return false;
}

/**
 * Whether the acronym rule may call an unknown name another name for a known skill. Yes when the lexicon
 * spells out none of the skill's abbreviations (it cannot know the expansion), or when the unknown name is a
 * variant of an expansion it knows (all content words but one shared: "commercial driver license" for
 * "commercial driver's license"). No for another expansion of the same letters: "Emergency Response
 * Planning" is not ERP (enterprise resource planning), "Crew Resource Management" is not CRM. The first
 * call per lexicon compares the keys of each skill.
 *
 * @param skill lexicon index of the known side, or -1 when both sides are unknown
 * @param words content words of the unknown side (`contentWords` of its normalised name)
 */
export function acronymAllowed(lex: CompiledLexicon, skill: number, words: readonly string[]): boolean {
  if (skill < 0) return true;
  const known = expansionsOf(lex)[skill] ?? null;
  if (known === null) return true;
  for (const expansion of known ?? NONE) {
    if (Math.abs(expansion.length - words.length) > 1) continue;
    let shared = 0;
    for (const w of words) if (hasWord(expansion, w)) shared++;
    if (shared >= Math.max(expansion.length, words.length) - 1) return true;
  }
  return false;
}
