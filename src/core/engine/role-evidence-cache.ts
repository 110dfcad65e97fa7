import type { Strategy } from "../types.js";
import type { EvidenceContext, RequiredInput } from "./engine-types.js";
import type { PairMemo } from "./pair-memo.js";
import { createRoleEvidence, type RoleEvidence } from "./role-evidence.js";
import { createRoleNameLookups, type RoleNameLookups } from "./role-name-lookups.js";
import { createRolePairScores, type RolePairScores } from "./role-pair-scores.js";
import { createRoleShapes, type RoleShapes } from "./role-shapes.js";
import type { ShapeTables } from "./shape-tables.js";

/** Roles whose evidence tables are kept between rank calls. */
const ROLES_KEPT = 2;
/** Level sets (required levels and strategy) whose shapes and pair scores are kept per role. */
const LEVEL_SETS_KEPT = 2;

/** What ranking keeps of one role between calls: its evidence rows, Beta shapes, pair scores and name lookups. */
export type RoleTables = {
  readonly evidence: RoleEvidence;
  readonly shapes: RoleShapes;
  readonly pairScores: RolePairScores;
  readonly lookups: RoleNameLookups;
};

type Kept = { readonly evidence: RoleEvidence; readonly levels: Map<string, RoleTables> };

/** Moves `key` to the back of an insertion-ordered map (most recent), dropping the oldest past `limit`. */
function touch<T>(map: Map<string, T>, key: string, value: T, limit: number): void {
  map.delete(key);
  if (map.size >= limit) map.delete(map.keys().next().value as string);
  map.set(key, value);
}

/**
 * The tables of the last few roles, so ranking the same role again (the next chunk of a stream, the next
 * request for the same job) starts warm. Evidence is keyed by the interned required names (and `dim`) and
 * shared by roles that differ only in levels; shapes and pair scores also depend on the required levels and
 * the strategy.
 */
export function createRoleEvidenceCache(
  ctx: EvidenceContext,
  memo: PairMemo,
  tables: ShapeTables,
): (required: RequiredInput, dim: number, strategy: Strategy) => RoleTables {
  const kept = new Map<string, Kept>();
  return (required, dim, strategy) => {
    const key = `${dim}:${required.ids.join(",")}`;
    let role = kept.get(key);
    role ??= { evidence: createRoleEvidence(ctx, memo, required, dim), levels: new Map() };
    touch(kept, key, role, ROLES_KEPT);
    // Conservative changes each shape's level, aggressive the pair scores: a level set is per strategy.
    const levelsKey = `${strategy}:${required.ratios.join(",")}`;
    let found = role.levels.get(levelsKey);
    found ??= {
      evidence: role.evidence,
      shapes: createRoleShapes(required, tables, strategy === "conservative"),
      pairScores: createRolePairScores(required.ids.length),
      lookups: createRoleNameLookups(),
    };
    touch(role.levels, levelsKey, found, LEVEL_SETS_KEPT);
    return found;
  };
}
