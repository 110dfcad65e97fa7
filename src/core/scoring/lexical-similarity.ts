import { LEXICON_SIMILARITY_ALIAS, LEXICON_SIMILARITY_COUSIN } from "../../defaults.js";
import { acronymAllowed } from "../lexicon/acronym-allowed.js";
import { areCousins } from "../lexicon/are-cousins.js";
import { isFalseFriend } from "../lexicon/is-false-friend.js";
import {
  lexiconRelation,
  RELATION_ALIAS,
  RELATION_EXACT,
  RELATION_NONE,
} from "../lexicon/lexicon-relation.js";
import type { CompiledLexicon } from "../lexicon/types.js";
import { acronymMatch } from "../text/acronym-match.js";
import { credentialMatch } from "../text/credential-match.js";
import type { ScoringConfig } from "./scoring-config.js";

/** Relation code for "no lexicon relation: use the embedding cosine". Extends the lexicon's RELATION_* codes. */
export const RELATION_EMBEDDING = 7;

/**
 * Similarity of a candidate/required pair from names alone, before embeddings: same normalised name (1),
 * known false friend (`falseFriendSimilarity`, so Java never earns credit for JavaScript), or a lexicon
 * relation. Writes the similarity into `out[0]` and returns the relation code; returns RELATION_EMBEDDING
 * when the caller must fall back to the calibrated embedding cosine, with `out[0]` the floor that evidence
 * keeps (LEXICON_SIMILARITY_COUSIN for members of one broad family, else 0). Allocates nothing, except
 * the acronym rule for a pair the lexicon does not know (cold pairs only; the engines memoise).
 */
export function lexicalSimilarity(
  lex: CompiledLexicon,
  candidateIndex: number,
  requiredIndex: number,
  candidateNorm: string,
  requiredNorm: string,
  c: ScoringConfig,
  out: Float64Array,
): number {
  if (candidateNorm === requiredNorm) {
    out[0] = 1;
    return RELATION_EXACT;
  }
  if (isFalseFriend(lex, candidateIndex, requiredIndex, candidateNorm, requiredNorm)) {
    out[0] = c.falseFriendSimilarity;
    return RELATION_NONE;
  }
  const code = lexiconRelation(lex, candidateIndex, requiredIndex, candidateNorm, requiredNorm, out);
  if (code !== RELATION_NONE) return code;
  // Where the lexicon cannot know the pair, an abbreviation spelled by the other name's initials is
  // another name for it ("EMT" = "Emergency Medical Technician"), unless the lexicon spells out the known
  // side's abbreviation differently (ERP ≠ Emergency Response Planning; see acronymAllowed).
  // Likewise a credential names the skill it certifies ("security guard license" = "security guard").
  if ((candidateIndex < 0 || requiredIndex < 0) && credentialMatch(candidateNorm, requiredNorm)) {
    out[0] = LEXICON_SIMILARITY_ALIAS;
    return RELATION_ALIAS;
  }
  if (
    (candidateIndex < 0 || requiredIndex < 0) &&
    acronymMatch(candidateNorm, requiredNorm) &&
    (candidateIndex >= 0
      ? acronymAllowed(lex, candidateIndex, requiredNorm)
      : acronymAllowed(lex, requiredIndex, candidateNorm))
  ) {
    out[0] = LEXICON_SIMILARITY_ALIAS;
    return RELATION_ALIAS;
  }
  // Members of one broad family (two programming languages) are at least weakly related.
  out[0] = areCousins(lex, candidateIndex, requiredIndex) ? LEXICON_SIMILARITY_COUSIN : 0;
  return RELATION_EMBEDDING;
}
