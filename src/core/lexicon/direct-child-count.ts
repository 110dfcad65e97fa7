import type { CompiledLexicon } from "./types.js";

// CompiledLexicon's shape is fixed, so child counts are derived once per lexicon and memoised here. A WeakMap
// keyed by the immutable lexicon is invisible to callers and needs no reset.
const COUNTS = new WeakMap<CompiledLexicon, Uint32Array>();

/**
 * Number of skills whose direct parents (is-a ∪ part-of) include `parent`. The first call per lexicon
 * allocates one Uint32Array(size); later calls allocate nothing.
 */
export function directChildCount(lex: CompiledLexicon, parent: number): number {
  let counts = COUNTS.get(lex);
  if (counts === undefined) {
    counts = new Uint32Array(lex.size);
    for (let i = 0; i < lex.size; i++) {
      const ps = lex.parents[i]!;
      for (let k = 0; k < ps.length; k++) counts[ps[k]!]! += 1;
    }
    COUNTS.set(lex, counts);
  }
  return counts[parent] ?? 0;
}
