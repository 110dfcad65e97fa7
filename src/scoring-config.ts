import type { ScoringConfig } from "./core/scoring/scoring-config.js";
import * as D from "./defaults.js";
import { CompetencyError, type Issue } from "./errors.js";

/** Scoring constants a caller may override. Every field is optional; see src/defaults.ts for each default. */
export type ScoringConfigOptions = { readonly [K in keyof ScoringConfig]?: number };

/** Upstream's defaults. */
export const DEFAULT_SCORING_CONFIG: ScoringConfig = Object.freeze({
  betaConcentration: D.BETA_CONCENTRATION,
  similarityThreshold: D.SIMILARITY_THRESHOLD,
  moderatePenalty: D.MODERATE_PENALTY,
  severePenalty: D.SEVERE_PENALTY,
  severeThreshold: D.SEVERE_THRESHOLD,
  penaltyLevelShare: D.PENALTY_LEVEL_SHARE,
  noEvidenceLevelSpread: D.NO_EVIDENCE_LEVEL_SPREAD,
  ratioWeightMeets: D.RATIO_WEIGHT_MEETS,
  ratioWeightBelow: D.RATIO_WEIGHT_BELOW,
  verySimilarBoost: D.VERY_SIMILAR_BOOST,
  moderatelySimilarBoost: D.MODERATELY_SIMILAR_BOOST,
  verySimilarThreshold: D.VERY_SIMILAR_THRESHOLD,
  moderatelySimilarThreshold: D.MODERATELY_SIMILAR_THRESHOLD,
  nearIdenticalThreshold: D.NEAR_IDENTICAL_THRESHOLD,
  nearIdenticalFloor: D.NEAR_IDENTICAL_FLOOR,
  nearIdenticalFadeRatio: D.NEAR_IDENTICAL_FADE_RATIO,
  mixtureSimilarityExponent: D.MIXTURE_SIMILARITY_EXPONENT,
  conservativeLevelQuantile: D.CONSERVATIVE_LEVEL_QUANTILE,
  conservativeMeanWeight: D.CONSERVATIVE_MEAN_WEIGHT,
  aggressiveTransferExponent: D.AGGRESSIVE_TRANSFER_EXPONENT,
  coherenceMinSkills: D.COHERENCE_MIN_SKILLS,
  coherenceMinMeanSimilarity: D.COHERENCE_MIN_MEAN_SIMILARITY,
  coherenceMinDomainAgreement: D.COHERENCE_MIN_DOMAIN_AGREEMENT,
  coherenceBaseLow: D.COHERENCE_BASE_LOW,
  coherenceBaseHigh: D.COHERENCE_BASE_HIGH,
  coherenceBonusMin: D.COHERENCE_BONUS_MIN,
  coherenceBonusMax: D.COHERENCE_BONUS_MAX,
  mustHaveThreshold: D.MUST_HAVE_THRESHOLD,
  mustHaveUnmetCap: D.MUST_HAVE_UNMET_CAP,
  mustHaveUnmetShare: D.MUST_HAVE_UNMET_SHARE,
  gapMinImpact: D.GAP_MIN_IMPACT,
  intervalLowerQuantile: D.INTERVAL_LOWER_QUANTILE,
  intervalUpperQuantile: D.INTERVAL_UPPER_QUANTILE,
  quantileGridSize: D.QUANTILE_GRID_SIZE,
  falseFriendSimilarity: D.FALSE_FRIEND_SIMILARITY,
  embeddingCosineFloor: D.EMBEDDING_COSINE_FLOOR,
  embeddingCosineCeil: D.EMBEDDING_COSINE_CEIL,
  embeddingMaxSimilarity: D.EMBEDDING_MAX_SIMILARITY,
});

/** Fields that are thresholds, shares or probabilities and must lie in [0, 1]. */
const UNIT_FIELDS: readonly (keyof ScoringConfig)[] = [
  "similarityThreshold",
  "moderatePenalty",
  "severePenalty",
  "severeThreshold",
  "penaltyLevelShare",
  "noEvidenceLevelSpread",
  "ratioWeightMeets",
  "ratioWeightBelow",
  "verySimilarThreshold",
  "moderatelySimilarThreshold",
  "nearIdenticalThreshold",
  "nearIdenticalFloor",
  "nearIdenticalFadeRatio",
  "conservativeLevelQuantile",
  "conservativeMeanWeight",
  "aggressiveTransferExponent",
  "coherenceMinMeanSimilarity",
  "coherenceMinDomainAgreement",
  "coherenceBaseLow",
  "coherenceBaseHigh",
  "coherenceBonusMin",
  "coherenceBonusMax",
  "mustHaveThreshold",
  "mustHaveUnmetCap",
  "mustHaveUnmetShare",
  "gapMinImpact",
  "intervalLowerQuantile",
  "intervalUpperQuantile",
  "falseFriendSimilarity",
  "embeddingCosineFloor",
  "embeddingCosineCeil",
  "embeddingMaxSimilarity",
];

/** Pairs `[low, high]` that must be strictly ordered. */
const ORDERED: readonly (readonly [keyof ScoringConfig, keyof ScoringConfig])[] = [
  ["severeThreshold", "similarityThreshold"],
  ["severePenalty", "moderatePenalty"],
  ["moderatelySimilarThreshold", "verySimilarThreshold"],
  ["similarityThreshold", "nearIdenticalThreshold"],
  ["coherenceBaseLow", "coherenceBaseHigh"],
  ["intervalLowerQuantile", "intervalUpperQuantile"],
  ["embeddingCosineFloor", "embeddingCosineCeil"],
  ["mustHaveUnmetCap", "mustHaveThreshold"],
];

/**
 * Validates overrides against upstream's rules (thresholds in [0,1], ordered thresholds, positive weights)
 * and returns a frozen config. Collects every problem and throws one INVALID_CONFIG error.
 */
export function resolveScoringConfig(options: ScoringConfigOptions = {}): ScoringConfig {
  const issues: Issue[] = [];
  const merged: Record<string, number> = { ...DEFAULT_SCORING_CONFIG };
  for (const [key, value] of Object.entries(options)) {
    if (!(key in DEFAULT_SCORING_CONFIG)) {
      issues.push({ code: "unknown_key", path: ["config", key], message: `unknown option "${key}"` });
    } else if (typeof value !== "number" || !Number.isFinite(value)) {
      issues.push({
        code: "not_finite",
        path: ["config", key],
        message: `must be a finite number, got ${String(value)}`,
      });
    } else merged[key] = value;
  }
  const config = merged as ScoringConfig;
  for (const key of UNIT_FIELDS) {
    const v = config[key];
    if (v < 0 || v > 1)
      issues.push({ code: "out_of_range", path: ["config", key], message: `must be in [0, 1], got ${v}` });
  }
  for (const [low, high] of ORDERED) {
    if (!(config[low] < config[high])) {
      issues.push({
        code: "out_of_range",
        path: ["config", low],
        message: `${low} (${config[low]}) must be below ${high} (${config[high]})`,
      });
    }
  }
  for (const key of ["verySimilarBoost", "moderatelySimilarBoost", "mixtureSimilarityExponent"] as const) {
    if (!(config[key] > 0))
      issues.push({
        code: "out_of_range",
        path: ["config", key],
        message: `must be > 0, got ${config[key]}`,
      });
  }
  if (!(config.betaConcentration > 2)) {
    issues.push({
      code: "out_of_range",
      path: ["config", "betaConcentration"],
      message: `must be > 2 so that α, β > 1, got ${config.betaConcentration}`,
    });
  }
  if (!(config.mustHaveUnmetCap + config.mustHaveUnmetShare < config.mustHaveThreshold)) {
    issues.push({
      code: "out_of_range",
      path: ["config", "mustHaveUnmetCap"],
      message: `mustHaveUnmetCap + mustHaveUnmetShare (${config.mustHaveUnmetCap} + ${config.mustHaveUnmetShare}) must be below mustHaveThreshold (${config.mustHaveThreshold})`,
    });
  }
  const grid = config.quantileGridSize;
  if (!Number.isInteger(grid) || grid < 16 || grid > 65_536) {
    issues.push({
      code: "out_of_range",
      path: ["config", "quantileGridSize"],
      message: `must be an integer in [16, 65536], got ${grid}`,
    });
  }
  if (issues.length > 0) {
    throw new CompetencyError(
      "INVALID_CONFIG",
      `${issues.length} problem(s): ${issues.map((i) => i.message).join("; ")}`,
      { details: { issues } },
    );
  }
  return Object.freeze({ ...config });
}

/** A short stable hash of a resolved config, stamped into every result as `meta.configHash`. */
export function hashScoringConfig(config: ScoringConfig): string {
  // FNV-1a over the values in key order: stable across runs and platforms, and cheap.
  let h = 0x811c9dc5;
  const keys = Object.keys(config).sort();
  for (const key of keys) {
    const text = `${key}=${config[key as keyof ScoringConfig]};`;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return h.toString(16).padStart(8, "0");
}
