import type { CompiledLexicon } from "../lexicon/types.js";
import type { NameReadings } from "../scoring/name-readings.js";
import type { ScoringConfig } from "../scoring/scoring-config.js";
import type { HeadWords } from "../text/head-words.js";
import type {
  Domain,
  EngineName,
  IncludeOption,
  Level,
  MatchResult,
  ResultMeta,
  Skill,
  Strategy,
} from "../types.js";
import type { ShapeTableSeed } from "./shape-table-seed.js";

/** One side of a match, prepared by the matcher: names resolved, levels checked, embeddings looked up. */
export type SideInput = {
  /** Names as given (for output). */
  readonly names: readonly string[];
  /** `normalizeName` of each name. */
  readonly norms: readonly string[];
  readonly levels: readonly Level[];
  /** Level ratio value/max of each skill. */
  readonly ratios: Float64Array;
  /** Lexicon index of each skill, or -1. */
  readonly lexIndex: Int32Array;
  readonly domains: readonly Domain[];
  /** Unit embedding row of each skill (`dim` floats each). */
  readonly rows: readonly Float32Array[];
  /** Head and content words of each headed multi-word name, else null (see `HeadWords`). */
  readonly heads: readonly (HeadWords | null)[];
  /** Unit embedding row of each name's head word (`dim` floats); any row where `heads` is null (unread). */
  readonly headRows: readonly Float32Array[];
  /**
   * Interned id of each normalised name, stable for the engine's lifetime (< 2^26): the same id always means
   * the same name, domain and row, so the optimized engine may memoise pair similarities by id.
   */
  readonly ids: Int32Array;
};

export type RequiredInput = SideInput & {
  /** Positive weight of each required skill. */
  readonly weights: Float64Array;
  /** 1 where the skill is a must-have. */
  readonly mustHave: Uint8Array;
};

/**
 * The candidates of one rank call, as positions in a side of names: skill s of list k is name
 * `index[start[k] + s]` of `names`, at level ratio `ratios[start[k] + s]` (value/max of `list(k)[s]`). Each
 * name is resolved (and its evidence looked up) once however many candidates list it; a matcher passes the
 * same side from call to call, so a role scorer may keep what it looked up by position (RoleNameLookups).
 */
export type RankBatch = {
  /**
   * The names by position, every name of the call among them (a matcher's side holds the names of earlier
   * calls too, and its typed arrays may be longer than its names); its `levels` and `ratios` are not read.
   */
  readonly names: SideInput;
  readonly index: Int32Array;
  /** Offset of each list's first skill in `index` (length: lists + 1). */
  readonly start: Int32Array;
  /** Level ratio of each skill, aligned with `index`. */
  readonly ratios: Float64Array;
  /**
   * Validated skill list `k` as objects, index-aligned with `start`: built on demand for candidates given
   * as columns (see CandidateColumns), so only engines that read objects (the reference engine) pay for them.
   */
  list(k: number): readonly Skill[];
};

/**
 * Overall scores of lists `from` ≤ k < `to` of a batch against one role, written to `out[k - from]`; each
 * equal bit for bit to `overall({ candidate: list k, required, dim }, strategy)`. A list that cannot be
 * among the best `topK` of the range (earlier lists win ties) may get -Infinity instead; `topK` may be
 * Infinity.
 */
export type RoleScorer = (
  batch: RankBatch,
  from: number,
  to: number,
  topK: number,
  out: Float64Array,
  /**
   * Only scores strictly above this matter (a bar carried over from earlier calls): a candidate whose bound
   * cannot clear it may get -Infinity instead of its exact score. -Infinity keeps every score.
   */
  above: number,
) => void;

export type EngineInput = {
  readonly candidate: SideInput;
  readonly required: RequiredInput;
  readonly dim: number;
};

export type EngineOptions = {
  readonly strategy: Strategy;
  readonly include: readonly IncludeOption[];
  readonly meta: ResultMeta;
};

/** What an engine is built from: configure once, run hot. */
export type EngineContext = {
  readonly lexicon: CompiledLexicon;
  readonly config: ScoringConfig;
  /** Beta shape tables computed at build time (the built package has them); values are computed when absent. */
  readonly shapeTableSeed?: ShapeTableSeed;
};

/** What pair evidence reads: the engine's context and the engine's own reader of names (not shared). */
export type EvidenceContext = EngineContext & { readonly readings: NameReadings };

/** A scoring engine: pure and synchronous. */
export interface Engine {
  readonly name: EngineName;
  score(input: EngineInput, options: EngineOptions): MatchResult;
  /** Only the overall score, equal bit for bit to `score(...).overallScore`; skips intervals and result objects. */
  overall(input: EngineInput, strategy: Strategy): number;
  /**
   * A scorer of many candidates against one role (ranking): each score is what `overall` would return for
   * `{ candidate, required, dim }`, bit for bit. The engine may keep the scorer (and its caches) for the
   * next call with the same role.
   */
  roleScorer(required: RequiredInput, dim: number, strategy: Strategy): RoleScorer;
  /**
   * The per-skill numbers `score` assembles, with or without the Beta intervals. A seam for the memory
   * toolkit's phase breakdown (pair similarity, interval scoring, assembly); `score` is
   * `assembleResult(input, numbers(input, options, true), options, config)`.
   */
  numbers?(input: EngineInput, options: EngineOptions, withIntervals: boolean): SkillNumbers;
}

/**
 * Per-required-skill numbers an engine computes, struct-of-arrays, indexed by required skill.
 * `assembleResult` turns them into the public MatchResult; both engines share it.
 */
export type SkillNumbers = {
  readonly score: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly variance: Float64Array;
  /** Candidate index of the best evidence (highest pair score). */
  readonly best: Int32Array;
  /** Effective similarity of the best evidence. */
  readonly bestSimilarity: Float64Array;
  /** Best pair score over direct evidence only (exact, alias, kind-of, near-identical); 0 when none. */
  readonly direct: Float64Array;
  /** Relation code of the best evidence (RELATION_* from lexicon-relation, or RELATION_EMBEDDING). */
  readonly bestRelation: Uint8Array;
  /** Highest effective similarity over all candidates (for coherence). */
  readonly maxSimilarity: Float64Array;
  /** 1 when the most similar candidate is in the same domain and at least related. */
  readonly domainAgrees: Uint8Array;
  /** Canonical order of the required skills. */
  readonly requiredOrder: Int32Array;
  /** Optional n_req × n_cand effective similarities (row = required). */
  readonly similarities: Float64Array | null;
  /** Optional n_req × n_cand pair scores (row = required). */
  readonly pairScores: Float64Array | null;
};

/**
 * Pair evidence the scoring loop reads: candidate skill j's row starts at `rowBase[j]`, and entry `i` of a
 * row is required skill i (effective similarity and RELATION_* code).
 */
export type EvidenceGrid = {
  readonly similarity: Float64Array;
  readonly code: Uint8Array;
  readonly rowBase: Int32Array;
};

/**
 * Beta shapes of a candidate's skills: skill j has shape `slotOf[j]`, whose level (the ratio, or its lower
 * quantile for the conservative strategy) is `level[slot]` and whose exceedance P(X > t_i) of required skill
 * i is `exceed[slot · requiredCount + i]`.
 */
export type ShapeSlots = {
  readonly slotOf: Int32Array;
  readonly level: Float64Array;
  readonly exceed: Float64Array;
};
