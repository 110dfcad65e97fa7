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
  const last = norm.lastIndexOf(" ");
  if (last < 0) return -1;
  // Tails from the longest down, read in place: the text after each space is exactly what joining the
  // remaining words gives, without a word array or a join per tail.
  for (let cut = norm.indexOf(" "); cut >= 0; cut = norm.indexOf(" ", cut + 1)) {
    const found = lex.index.get(norm.substring(cut + 1));
    if (found !== undefined) return found;
  }
  if (LIGHT_TAILS.has(norm.substring(last + 1))) {
    const found = lex.index.get(norm.substring(0, last));
    if (found !== undefined) return found;
  }
  return -1;
}
