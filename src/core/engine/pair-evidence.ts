import { calibrateCosine } from "../scoring/calibrate-cosine.js";
import { domainPenalty } from "../scoring/domain-penalty.js";
import { effectiveSimilarity } from "../scoring/effective-similarity.js";
import { lexicalSimilarity, RELATION_EMBEDDING } from "../scoring/lexical-similarity.js";
import { dot } from "../vector/dot.js";
import type { EngineContext, SideInput } from "./engine-types.js";

/**
 * Evidence that candidate skill `j` gives for required skill `i`: writes the effective similarity into
 * `out[0]` and returns the relation code. Curated lexicon relations already know the domains; only
 * embedding evidence pays the cross-domain penalty. Allocates nothing.
 */
export function pairEvidence(
  ctx: EngineContext,
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
    out,
  );
  if (code === RELATION_EMBEDDING) {
    out[0] = effectiveSimilarity(
      calibrateCosine(dot(dim, candidate.rows[j]!, 0, required.rows[i]!, 0), c),
      domainPenalty(candidate.domains[j]!, required.domains[i]!),
    );
  }
  return code;
}
