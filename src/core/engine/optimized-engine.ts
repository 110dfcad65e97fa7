import { createNameReadings } from "../scoring/name-readings.js";
import type { IncludeOption, Strategy } from "../types.js";
import { assembleResult } from "./assemble-result.js";
import { canonicalOrder } from "./canonical-order.js";
import { createSkillNumbers } from "./create-skill-numbers.js";
import type {
  Engine,
  EngineContext,
  EngineInput,
  EngineOptions,
  EvidenceContext,
  SkillNumbers,
} from "./engine-types.js";
import { createMemoEvidence } from "./memo-evidence.js";
import { createMixtureIntervals } from "./mixture-intervals.js";
import { matchBonus, overallOf } from "./overall-score.js";
import { createPairMemo } from "./pair-memo.js";
import { requiredTie } from "./required-tie.js";
import { createRoleEvidenceCache, type RoleTables } from "./role-evidence-cache.js";
import { RoleScoring } from "./role-scorer.js";
import { scoreSkills } from "./score-skills.js";
import { createShapeGroups } from "./shape-groups.js";
import { createShapeTables } from "./shape-tables.js";

const NO_INCLUDE: readonly IncludeOption[] = [];

/**
 * The optimized engine: the reference engine's model over flat typed arrays, in three steps per match:
 * pair evidence from a memo keyed by interned names (memo-evidence), the best evidence per required skill
 * (score-skills), and credible intervals from a mixture over candidates grouped by Beta shape
 * (mixture-intervals). No matrix, no per-pair object; scratch buffers live as long as the engine.
 * Ranking against one role goes through role-scorer, which does the role's share of the work once.
 */
export function createOptimizedEngine(engineContext: EngineContext): Engine {
  const ctx: EvidenceContext = {
    ...engineContext,
    readings: createNameReadings(engineContext.lexicon),
  };
  const c = ctx.config;
  const tables = createShapeTables(
    c.betaConcentration,
    c.quantileGridSize,
    c.conservativeLevelQuantile,
    engineContext.shapeTableSeed,
  );
  const memo = createPairMemo();
  const evidence = createMemoEvidence(ctx, memo);
  const shapeGroups = createShapeGroups(tables);
  const intervals = createMixtureIntervals(c, tables);
  const roleTables = createRoleEvidenceCache(ctx, memo, tables);
  // One scorer per role's tables, kept as long as they are, so its optimised loop outlives a call (see
  // RoleScoring).
  const scorings = new WeakMap<RoleTables, RoleScoring>();
  let mostSimilar = new Int32Array(64);
  let pairScores = new Float64Array(64);

  /** Per-skill numbers; intervals only when `withIntervals`. */
  function computeNumbers(
    input: EngineInput,
    include: readonly IncludeOption[],
    strategy: Strategy,
    withIntervals: boolean,
  ): SkillNumbers {
    const { candidate, required } = input;
    const candOrder = canonicalOrder(candidate.norms, candidate.names, candidate.ratios);
    const numbers = createSkillNumbers(
      required.ids.length,
      candidate.ids.length,
      canonicalOrder(required.norms, required.names, required.ratios, requiredTie(required)),
      include,
    );
    const grid = evidence.fill(input);
    const groups = shapeGroups.group(candidate, candOrder, required, strategy === "conservative");
    if (mostSimilar.length < required.ids.length) {
      mostSimilar = new Int32Array(required.ids.length * 2);
      pairScores = new Float64Array(required.ids.length * 2);
    }
    scoreSkills(
      candidate,
      candOrder,
      required,
      grid,
      groups,
      strategy === "aggressive",
      numbers,
      mostSimilar,
      pairScores,
      c,
    );
    if (withIntervals) intervals(candOrder, grid, groups, numbers);
    return numbers;
  }

  return {
    name: "optimized",
    score: (input: EngineInput, options: EngineOptions) =>
      assembleResult(input, computeNumbers(input, options.include, options.strategy, true), options, c),
    overall(input, strategy) {
      const numbers = computeNumbers(input, NO_INCLUDE, strategy, false);
      const bonus = matchBonus(numbers, input.candidate.ids.length, input.required.ids.length, c);
      return overallOf(numbers.score, numbers.direct, numbers, input.required, strategy, bonus, c);
    },
    numbers: (input: EngineInput, options: EngineOptions, withIntervals: boolean) =>
      computeNumbers(input, options.include, options.strategy, withIntervals),
    roleScorer(required, dim, strategy) {
      const tables = roleTables(required, dim, strategy);
      let scoring = scorings.get(tables);
      if (scoring === undefined) {
        scoring = new RoleScoring(c, tables, required.ids.length, strategy);
        scorings.set(tables, scoring);
      }
      return scoring.scorerFor(required);
    },
  };
}
