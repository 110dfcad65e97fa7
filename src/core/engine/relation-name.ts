import { RELATION_NAMES } from "../lexicon/lexicon-relation.js";
import { RELATION_EMBEDDING } from "../scoring/lexical-similarity.js";
import type { Relation } from "../types.js";

/** The wire `Relation` for a relation code: the lexicon's RELATION_* names, plus RELATION_EMBEDDING. */
export function relationName(code: number): Relation {
  return code === RELATION_EMBEDDING ? "embedding" : (RELATION_NAMES[code] ?? "none");
}
