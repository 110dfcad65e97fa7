import type { Relation } from "../types.js";

/** Wire names of relation codes: lexicon RELATION_* codes 0–6, then RELATION_EMBEDDING (7). Siblings are "related". */
const NAMES: readonly Relation[] = [
  "none",
  "exact",
  "alias",
  "child",
  "parent",
  "related",
  "related",
  "embedding",
];

/** The wire `Relation` for a relation code. */
export function relationName(code: number): Relation {
  return NAMES[code] ?? "none";
}
