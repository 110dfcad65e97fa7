import type { CompiledLexicon } from "./types.js";

/** A trailing activity word that names doing the skill before it ("ductwork installation", "drywall work"). */
const LIGHT_TAILS: ReadonlySet<string> = new Set(["installation", "installer", "work", "repair", "services"]);

/**
 * The lexicon skill an unknown multi-word name is a kind of, or -1: its longest known tail ("finish
 * **carpentry**", "steel erection **welding**", "marine **engineering**"), since a name is mostly its head, or
 * the name without a trailing activity word ("**drywall** installation"). Only exact index keys count, so a
 * shared modifier ("**criminal** psychology") never names a kind. Allocates strings: call for cold pairs only.
 *
 * @param norm a `normalizeName` result that is not itself a lexicon key
 */
export function kindOfSkill(lex: CompiledLexicon, norm: string): number {
  const words = norm.split(" ");
  const n = words.length;
  if (n < 2) return -1;
  for (let k = 1; k < n; k++) {
    const found = lex.index.get(words.slice(k).join(" "));
    if (found !== undefined) return found;
  }
  if (LIGHT_TAILS.has(words[n - 1]!)) {
    const found = lex.index.get(words.slice(0, n - 1).join(" "));
    if (found !== undefined) return found;
  }
  return -1;
}
