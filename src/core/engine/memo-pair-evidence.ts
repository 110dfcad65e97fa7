import type { EvidenceContext, SideInput } from "./engine-types.js";
import { pairEvidence } from "./pair-evidence.js";
import type { PairMemo } from "./pair-memo.js";

/**
 * `pairEvidence` read through the engine's pair memo: a pair seen before (in any match or ranking) costs one
 * hash probe; a new pair is computed and stored. Writes the similarity into `out[0]`, returns the code.
 */
export function memoPairEvidence(
  memo: PairMemo,
  ctx: EvidenceContext,
  candidate: SideInput,
  j: number,
  required: SideInput,
  i: number,
  dim: number,
  out: Float64Array,
): number {
  const cid = candidate.ids[j]!;
  const rid = required.ids[i]!;
  const slot = memo.find(cid, rid);
  if (slot >= 0) {
    out[0] = memo.similarity(slot);
    return memo.code(slot);
  }
  const code = pairEvidence(ctx, candidate, j, required, i, dim, out);
  memo.store(cid, rid, out[0]!, code);
  return code;
}
