/**
 * competency-api: score how well a candidate's skills match a role's required skills.
 * The public surface, listed by name.
 */

export { createFileCache } from "./adapters/cache/file-cache.js";
export { createMemoryLru } from "./adapters/cache/memory-lru.js";
export { createFakeEmbedder } from "./adapters/embedder/fake.js";
export type { MiniLmEmbedderOptions } from "./adapters/embedder/minilm.js";
export { createMiniLmEmbedder, MINILM_HUB_MODEL_ID } from "./adapters/embedder/minilm.js";
export { resolveCacheDir } from "./adapters/embedder/resolve-cache-dir.js";
export { createWordVectorEmbedder } from "./adapters/embedder/word-vectors/create-word-vector-embedder.js";
export { loadLexicon } from "./adapters/lexicon/load-lexicon.js";
export type { CompiledLexicon, LexiconEntry, LexiconFile } from "./core/lexicon/types.js";
export type { ScoringConfig } from "./core/scoring/scoring-config.js";
export { normalizeName } from "./core/text/normalize-name.js";
export type {
  BestMatch,
  Domain,
  EngineName,
  Evidence,
  Gap,
  IncludeOption,
  Interval,
  Level,
  MatchResult,
  Relation,
  RequiredSkill,
  ResultMeta,
  Skill,
  SkillScore,
  Strategy,
} from "./core/types.js";
export type {
  DistributedRankEntry,
  DistributedRankerOptions,
  DistributedRankResult,
} from "./distributed/create-distributed-ranker.js";
export { createDistributedRanker } from "./distributed/create-distributed-ranker.js";
export type { CompetencyErrorDetails, ErrorCode, Issue, IssueCode } from "./errors.js";
export { CompetencyError, formatPath, MESSAGES } from "./errors.js";
export { createMatcher } from "./matcher.js";
export type {
  CacheStats,
  CandidateColumns,
  Limits,
  Matcher,
  MatcherOptions,
  MatchOptions,
  MatchPair,
  ProgressEvent,
  RankCandidate,
  RankEntry,
  RankOptions,
} from "./matcher-types.js";
export type { Embedder, EmbeddingCache } from "./ports.js";
export type { MemoryProfile, ProfileOptions } from "./profiling/profile-memory-usage.js";
export { profileMemoryUsage } from "./profiling/profile-memory-usage.js";
export type { ScoringConfigOptions } from "./scoring-config.js";
export { DEFAULT_SCORING_CONFIG, hashScoringConfig, resolveScoringConfig } from "./scoring-config.js";
export { validateSkills } from "./validate/validate-skills.js";
