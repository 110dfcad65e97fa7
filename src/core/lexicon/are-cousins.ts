import type { CompiledLexicon } from "./types.js";

/**
 * True when two different skills share any direct parent, however broad: Python and Go under
 * "Programming Languages", Spanish and French under "Spoken Languages". Members of one family transfer a
 * little even where the parent is too broad for sibling credit. Allocates nothing.
 */
export function areCousins(lex: CompiledLexicon, a: number, b: number): boolean {
  if (a < 0 || b < 0 || a === b) return false;
  const pa = lex.parents[a]!;
  const ancestorsB = lex.ancestors[b]!;
  for (let k = 0; k < pa.length; k++) if (ancestorsB.get(pa[k]!) === 1) return true;
  return false;
}
