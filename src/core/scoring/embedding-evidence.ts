import { DOMAIN_AGREEMENT_SIMILARITY, UNKNOWN_FIELD_SIMILARITY } from "../../defaults.js";
import type { Domain } from "../types.js";
import { calibrateCosine } from "./calibrate-cosine.js";
import { domainPenalty } from "./domain-penalty.js";
import { effectiveSimilarity } from "./effective-similarity.js";
import { headGuard } from "./head-guard.js";
import type { ScoringConfig } from "./scoring-config.js";

/**
 * Effective similarity of a pair the lexicon does not relate, from the embeddings: the calibrated cosine
 * with the cross-domain penalty. A pair that shares only a modifier (`modifierOnly`) is capped by its
 * heads' agreement (`headGuard`), so "structural biology" is no evidence for "structural engineering";
 * any other pair whose domains agree (not General) keeps at least DOMAIN_AGREEMENT_SIMILARITY, so an
 * unknown name from the required skill's field ranks above an unrelated one instead of tying with it.
 *
 * @param cosine cosine of the two names' unit embeddings
 * @param modifierOnly the names share a word but not their head (`sharesOnlyModifier`)
 * @param headCosine cosine of the two head words (read only when `modifierOnly`)
 * @param candidateUnknownField the candidate is a word-like name the lexicon does not know: it keeps
 *   at least UNKNOWN_FIELD_SIMILARITY (it may be from the required skill's field), unless guarded
 */
export function embeddingEvidence(
  cosine: number,
  modifierOnly: boolean,
  headCosine: number,
  candidateDomain: Domain,
  requiredDomain: Domain,
  c: ScoringConfig,
  candidateUnknownField = false,
): number {
  const e = effectiveSimilarity(calibrateCosine(cosine, c), domainPenalty(candidateDomain, requiredDomain));
  if (modifierOnly) return headGuard(e, headCosine, c);
  if (candidateDomain === requiredDomain && e < DOMAIN_AGREEMENT_SIMILARITY)
    return DOMAIN_AGREEMENT_SIMILARITY;
  if (candidateUnknownField && e < UNKNOWN_FIELD_SIMILARITY) return UNKNOWN_FIELD_SIMILARITY;
  return e;
}
