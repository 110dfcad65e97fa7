import { levelRatio } from "../scoring/level-ratio.js";
import type { ScoringConfig } from "../scoring/scoring-config.js";
import type { Evidence, Gap, MatchResult, SkillScore } from "../types.js";
import type { EngineInput, EngineOptions, SkillNumbers } from "./engine-types.js";
import { explain } from "./explain.js";
import { matchBonus, overallOf } from "./overall-score.js";
import { pairMap } from "./pair-map.js";
import { relationName } from "./relation-name.js";
import { unmetMustHaves } from "./unmet-must-haves.js";

/**
 * Turns an engine's per-skill numbers into the public MatchResult: strategy adjustments, the overall score
 * and interval, ranked gaps, best matches and explanations. Shared by both engines so they differ only in
 * how they compute the numbers.
 */
export function assembleResult(
  input: EngineInput,
  numbers: SkillNumbers,
  options: EngineOptions,
  c: ScoringConfig,
): MatchResult {
  const { candidate, required } = input;
  const nr = required.names.length;
  const nc = candidate.names.length;
  // Copies, because gaps below set one skill to fully met at a time to measure its impact.
  const probability = numbers.score.slice();
  const direct = numbers.direct.slice();
  const bonus = matchBonus(numbers, nc, nr, c);
  const strategy = options.strategy;
  // overallOf is called directly rather than through a closure over these arguments: that closure would be
  // allocated on every match (and, under tsx's keepNames, renamed with a defineProperty each time).
  const overallScore = overallOf(probability, direct, numbers, required, strategy, bonus, c);
  const lower = overallOf(numbers.lower, direct, numbers, required, strategy, bonus, c);
  const upper = overallOf(numbers.upper, direct, numbers, required, strategy, bonus, c);

  const skillScores: SkillScore[] = new Array(nr);
  const gaps: Gap[] = [];
  for (let i = 0; i < nr; i++) {
    const best = numbers.best[i]!;
    const sim = numbers.bestSimilarity[i]!;
    const relation = relationName(numbers.bestRelation[i]!);
    const evidence: Evidence =
      relation === "exact" || relation === "alias" || sim > c.nearIdenticalThreshold
        ? "direct"
        : sim >= c.similarityThreshold
          ? "related"
          : "none";
    const u = levelRatio(candidate.ratios[best]!, required.ratios[i]!);
    skillScores[i] = {
      skillName: required.names[i]!,
      probability: probability[i]!,
      confidenceInterval: { lower: numbers.lower[i]!, upper: numbers.upper[i]! },
      mean: numbers.score[i]!,
      variance: numbers.variance[i]!,
      evidence,
      bestMatch: {
        skillName: candidate.names[best]!,
        similarity: sim,
        levelRatio: u,
        relation: evidence === "none" ? "none" : relation,
      },
      explanation: explain(
        required.names[i]!,
        required.levels[i]!,
        candidate.names[best]!,
        candidate.levels[best]!,
        relation,
        evidence,
        sim,
        u,
      ),
    };
    const held = probability[i]!;
    if (held < 1) {
      const heldDirect = direct[i]!;
      probability[i] = 1;
      direct[i] = 1;
      const impact = overallOf(probability, direct, numbers, required, strategy, bonus, c) - overallScore;
      probability[i] = held;
      direct[i] = heldDirect;
      if (impact >= c.gapMinImpact) gaps.push({ skillName: required.names[i]!, probability: held, impact });
    }
  }
  gaps.sort(
    (a, b) => b.impact - a.impact || (a.skillName < b.skillName ? -1 : a.skillName > b.skillName ? 1 : 0),
  );

  const result: {
    -readonly [K in keyof MatchResult]: MatchResult[K];
  } = {
    overallScore,
    overallInterval: { lower: Math.min(lower, overallScore), upper: Math.max(upper, overallScore) },
    strategy: options.strategy,
    skillScores,
    gaps,
    unmetMustHaves: unmetMustHaves(required, numbers.direct, c),
    meta: options.meta,
  };
  if (numbers.similarities !== null)
    result.skillSimilarities = pairMap(required.names, candidate.names, numbers.similarities);
  if (numbers.pairScores !== null)
    result.pairwiseScores = pairMap(required.names, candidate.names, numbers.pairScores);
  return result;
}
