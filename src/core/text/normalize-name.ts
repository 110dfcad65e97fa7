/** Zero-width and invisible format characters: ZWSP, ZWNJ, ZWJ, LRM, RLM, word joiner, BOM, soft hyphen, ALM. */
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u2060-\u2064\ufeff]/g;

/**
 * Normalises a skill name for comparison: Unicode NFKC, invisible characters removed (so "Dock\u200Ber" is
 * Docker), lower case, trimmed, inner whitespace collapsed. Symbols stay (`c++`, `c#`, `.net`) because
 * they are what tells those skills apart.
 *
 * @example normalizeName("  Node.JS ") // "node.js"
 */
export function normalizeName(name: string): string {
  return name.normalize("NFKC").replace(INVISIBLE, "").toLowerCase().trim().replace(/\s+/g, " ");
}
