/**
 * The resolved scoring constants the engines read. Built and validated once by `resolveScoringConfig`
 * (src/scoring-config.ts); the engines never see partial or unchecked values.
 */
export type ScoringConfig = {
  readonly betaConcentration: number;
  readonly similarityThreshold: number;
  readonly moderatePenalty: number;
  readonly severePenalty: number;
  readonly severeThreshold: number;
  readonly penaltyLevelShare: number;
  readonly noEvidenceLevelSpread: number;
  readonly ratioWeightMeets: number;
  readonly ratioWeightBelow: number;
  readonly verySimilarBoost: number;
  readonly moderatelySimilarBoost: number;
  readonly verySimilarThreshold: number;
  readonly moderatelySimilarThreshold: number;
  readonly nearIdenticalThreshold: number;
  readonly nearIdenticalFloor: number;
  readonly nearIdenticalFadeRatio: number;
  readonly mixtureSimilarityExponent: number;
  readonly conservativeLevelQuantile: number;
  readonly conservativeMeanWeight: number;
  readonly aggressiveTransferExponent: number;
  readonly coherenceMinSkills: number;
  readonly coherenceMinMeanSimilarity: number;
  readonly coherenceMinDomainAgreement: number;
  readonly coherenceBaseLow: number;
  readonly coherenceBaseHigh: number;
  readonly coherenceBonusMin: number;
  readonly coherenceBonusMax: number;
  readonly mustHaveThreshold: number;
  readonly mustHaveUnmetCap: number;
  readonly mustHaveUnmetShare: number;
  readonly gapMinImpact: number;
  readonly intervalLowerQuantile: number;
  readonly intervalUpperQuantile: number;
  readonly quantileGridSize: number;
  readonly falseFriendSimilarity: number;
  readonly embeddingCosineFloor: number;
  readonly embeddingCosineCeil: number;
  readonly embeddingMaxSimilarity: number;
};
