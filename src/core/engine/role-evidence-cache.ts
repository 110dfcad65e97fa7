import type { EngineContext, RequiredInput } from "./engine-types.js";
import type { PairMemo } from "./pair-memo.js";
import { createRoleEvidence, type RoleEvidence } from "./role-evidence.js";

/** Roles whose evidence tables are kept between rank calls. */
const ROLES_KEPT = 2;

/**
 * The role evidence tables of the last few roles, keyed by their interned required names (and `dim`), so
 * ranking the same role again (the next chunk of a stream, the next request for the same job) starts warm.
 */
export function createRoleEvidenceCache(
  ctx: EngineContext,
  memo: PairMemo,
): (required: RequiredInput, dim: number) => RoleEvidence {
  const kept = new Map<string, RoleEvidence>();
  return (required, dim) => {
    const key = `${dim}:${required.ids.join(",")}`;
    let evidence = kept.get(key);
    if (evidence === undefined) {
      evidence = createRoleEvidence(ctx, memo, required, dim);
      if (kept.size >= ROLES_KEPT) kept.delete(kept.keys().next().value as string);
    } else kept.delete(key);
    kept.set(key, evidence);
    return evidence;
  };
}
