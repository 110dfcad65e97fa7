import { embeddingEvidence } from "../scoring/embedding-evidence.js";
import { lexicalSimilarity, RELATION_EMBEDDING } from "../scoring/lexical-similarity.js";
import type { ScoringConfig } from "../scoring/scoring-config.js";
import { sharesOnlyModifier } from "../text/head-words.js";
import { isWordLike } from "../text/word-like.js";
import { dot } from "../vector/dot.js";
import type { EvidenceContext, SideInput } from "./engine-types.js";

/**
 * Evidence that candidate skill `j` gives for required skill `i`: writes the effective similarity into
 * `out[0]` and returns the relation code. Curated lexicon relations already know the domains; only
 * embedding evidence pays the cross-domain penalty and the
 * head-disagreement guard (see `embeddingEvidence`). Allocates nothing.
 */
export function pairEvidence(
  ctx: EvidenceContext,
  candidate: SideInput,
  j: number,
  required: SideInput,
  i: number,
  dim: number,
  out: Float64Array,
): number {
  const c = ctx.config;
  const code = lexicalSimilarity(
    ctx.lexicon,
    candidate.lexIndex[j]!,
    required.lexIndex[i]!,
    candidate.norms[j]!,
    required.norms[i]!,
    c,
    ctx.readings,
    out,
  );
  // The lexical fallback (acronyms, family floors) may already know more than the vectors do.
  if (code === RELATION_EMBEDDING)
    keepEmbeddingEvidence(
      c,
      candidate,
      j,
      required,
      i,
      dim,
      dot(dim, candidate.rows[j]!, 0, required.rows[i]!, 0),
      sharesOnlyModifier(candidate.heads[j]!, required.heads[i]!),
      candidate.lexIndex[j]! < 0 && isWordLike(candidate.norms[j]!),
      out,
    );
  return code;
}

/**
 * Raises `out[0]` (the lexical floor) to the embedding evidence of candidate skill `j` for required skill
 * `i` (see `embeddingEvidence`), given the cosine of their rows and whether they share only a modifier
 * (`sharesOnlyModifier` of their heads); `unknownField` is that function's `candidateUnknownField`, which
 * depends on the candidate alone. Allocates nothing.
 */
export function keepEmbeddingEvidence(
  c: ScoringConfig,
  candidate: SideInput,
  j: number,
  required: SideInput,
  i: number,
  dim: number,
  cosine: number,
  modifierOnly: boolean,
  unknownField: boolean,
  out: Float64Array,
): void {
  const e = embeddingEvidence(
    cosine,
    modifierOnly,
    modifierOnly ? dot(dim, candidate.headRows[j]!, 0, required.headRows[i]!, 0) : 0,
    candidate.domains[j]!,
    required.domains[i]!,
    c,
    unknownField,
  );
  out[0] = Math.max(out[0]!, e);
}
