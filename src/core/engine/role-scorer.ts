import type { Strategy } from "../types.js";
import { canonicalOrder } from "./canonical-order.js";
import { canonicalOrderInto } from "./canonical-order-into.js";
import { createSkillNumbers } from "./create-skill-numbers.js";
import type { EngineContext, RequiredInput, SideInput } from "./engine-types.js";
import { matchBonus, overallOf } from "./overall-score.js";
import { requiredTie } from "./required-tie.js";
import type { RoleEvidence } from "./role-evidence.js";
import { createRoleShapes } from "./role-shapes.js";
import { scoreSkills } from "./score-skills.js";
import type { ShapeTables } from "./shape-tables.js";

const NO_INCLUDE: readonly never[] = [];

/**
 * Overall scores of many candidates against one fixed role, equal bit for bit to `score(...).overallScore`.
 * Everything that depends on the role alone is done once: its canonical order, the evidence of each distinct
 * candidate name (one row per name), and the exceedance of each Beta shape. Per candidate it sorts the side,
 * looks up one row per skill and runs the scoring loop into reused buffers: no allocation.
 */
export function createRoleScorer(
  ctx: EngineContext,
  tables: ShapeTables,
  evidence: RoleEvidence,
  required: RequiredInput,
  strategy: Strategy,
): (candidate: SideInput) => number {
  const c = ctx.config;
  const nr = required.ids.length;
  const order = canonicalOrder(required.norms, required.names, required.ratios, requiredTie(required));
  const numbers = createSkillNumbers(nr, 0, order, NO_INCLUDE);
  const shapes = createRoleShapes(required, tables, strategy === "conservative");
  const aggressive = strategy === "aggressive";
  const mostSimilar = new Int32Array(nr);
  let candOrder = new Int32Array(16);

  return (candidate) => {
    const nc = candidate.ids.length;
    if (candOrder.length < nc) candOrder = new Int32Array(Math.max(nc, candOrder.length * 2));
    canonicalOrderInto(candidate.norms, candidate.names, candidate.ratios, candOrder);
    scoreSkills(
      candidate,
      candOrder,
      required,
      evidence.rows(candidate),
      shapes.slots(candidate),
      aggressive,
      numbers,
      mostSimilar,
      c,
    );
    const bonus = matchBonus(numbers, nc, nr, c);
    return overallOf(numbers.score, numbers.score, numbers, required, strategy, bonus, c);
  };
}
