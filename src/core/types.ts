/**
 * Core data model. Everything here is plain data: the wire format, the library API and the engines share it.
 */

/** A proficiency level on any scale: `0 <= value <= max`, `max >= 1`, both finite. */
export type Level = { readonly value: number; readonly max: number };

/** A named skill with a proficiency level. `name` is 1..200 characters after trimming. */
export type Skill = { readonly name: string; readonly level: Level };

/** A role requirement. `weight > 0` scales its share of the overall score; `mustHave` caps the overall score. */
export type RequiredSkill = Skill & { readonly weight?: number; readonly mustHave?: boolean };

/** A row-major dense matrix. */
export type Matrix = { readonly data: Float32Array; readonly rows: number; readonly cols: number };

declare const UNIT_ROWS: unique symbol;
/** A `rows × dim` Float32Array whose rows have unit L2 norm (or are all zero for empty input). */
export type UnitRows = Float32Array & { readonly [UNIT_ROWS]: true };

/** Closed set of scoring strategies. */
export type Strategy = "default" | "conservative" | "aggressive";

/** How a required skill was matched by the best candidate skill. */
export type Relation = "exact" | "alias" | "parent" | "child" | "related" | "embedding" | "none";

/** Whether a skill score rests on direct evidence, related evidence, or nothing at all. */
export type Evidence = "direct" | "related" | "none";

/** Skill domains: upstream's fourteen plus the extra fields the lexicon covers. */
export type Domain =
  | "Finance"
  | "Marketing"
  | "Sales"
  | "HR"
  | "Operations"
  | "SoftwareDevelopment"
  | "DataScience"
  | "ITSupport"
  | "DevOps"
  | "Cybersecurity"
  | "Leadership"
  | "Communication"
  | "ProjectManagement"
  | "Healthcare"
  | "Legal"
  | "Design"
  | "Education"
  | "Trades"
  | "Languages"
  | "General";

export type Interval = { readonly lower: number; readonly upper: number };

export type BestMatch = {
  /** The candidate skill's name, as given. */
  readonly skillName: string;
  /** Effective similarity in [0,1] after lexicon relations, false-friend guards and domain penalty. */
  readonly similarity: number;
  /** Candidate level ratio divided by the required ratio, capped at 1 (1 when nothing is required). */
  readonly levelRatio: number;
  readonly relation: Relation;
};

export type SkillScore = {
  /** The required skill's name, as given. */
  readonly skillName: string;
  /** The skill's score in [0,1]. */
  readonly probability: number;
  /** 95% credible interval around `mean`, inside [0,1]. */
  readonly confidenceInterval: Interval;
  readonly mean: number;
  readonly variance: number;
  readonly evidence: Evidence;
  /** `null` when the candidate list holds no skill at all that could be compared. */
  readonly bestMatch: BestMatch | null;
  readonly explanation: string;
};

export type Gap = {
  readonly skillName: string;
  readonly probability: number;
  /** Marginal gain in overallScore if the candidate fully met this requirement. */
  readonly impact: number;
};

/** Reproducibility stamp: which engine, embedder, lexicon and config produced a result. */
export type ResultMeta = {
  readonly engine: EngineName;
  readonly embedder: string;
  readonly lexiconVersion: string;
  readonly configHash: string;
};

export type EngineName = "reference" | "optimized";

export type MatchResult = {
  readonly overallScore: number;
  readonly overallInterval: Interval;
  readonly strategy: Strategy;
  readonly skillScores: readonly SkillScore[];
  readonly gaps: readonly Gap[];
  /**
   * Names (as given, in input order) of the `mustHave` requirements the candidate does not meet: no exact,
   * alias, kind-of or near-identical skill scores at least 0.5. Any entry caps `overallScore` below 0.5.
   */
  readonly unmetMustHaves: readonly string[];
  readonly meta: ResultMeta;
  /** Only with `include: ["similarities"]`: required name → candidate name → similarity; a repeated name is keyed `name#2`, `name#3`, …. */
  readonly skillSimilarities?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Only with `include: ["pairwise"]`: required name → candidate name → pair score; repeated names keyed as for skillSimilarities. */
  readonly pairwiseScores?: Readonly<Record<string, Readonly<Record<string, number>>>>;
};

/** Optional extras that cost O(n·m) objects and are therefore off by default. */
export type IncludeOption = "similarities" | "pairwise";
