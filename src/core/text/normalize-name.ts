/**
 * Normalises a skill name for comparison: Unicode NFKC, lower case, trimmed, inner whitespace collapsed.
 * Symbols stay (`c++`, `c#`, `.net`) because they are what tells those skills apart.
 *
 * @example normalizeName("  Node.JS ") // "node.js"
 */
export function normalizeName(name: string): string {
  return name.normalize("NFKC").toLowerCase().trim().replace(/\s+/g, " ");
}
