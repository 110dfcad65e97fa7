/**
 * Data shapes of the quality evaluation: judged cases (test/fixtures/quality/*.json), scored lists and the
 * report that `npm run eval` prints.
 */
import type { RequiredSkill, Skill } from "../core/types.js";

/** A judge's grade: 0 = no fit … 3 = clearly the best fit. Only differences within one case matter. */
export type Grade = 0 | 1 | 2 | 3;

/** One candidate of a judged case. */
export type QualityCandidate = {
  /** Unique within the case. */
  readonly label: string;
  readonly skills: readonly Skill[];
  readonly grade: Grade;
  /** A look-alike of the required skill (shares a word or prefix, different skill); held-out set only. */
  readonly falseFriend?: boolean;
};

/** A hand-judged ranking case: the system should order `candidates` by `grade` for `required`. */
export type QualityCase = {
  /** Unique across all fixture files. */
  readonly id: string;
  /** The fixture file (theme) the case belongs to. */
  readonly theme: string;
  /** Field of work (held-out set only; for counting). */
  readonly domain?: string;
  /** Why the grades are what they are. */
  readonly note: string;
  readonly required: readonly RequiredSkill[];
  /** 2..6 candidates. */
  readonly candidates: readonly QualityCandidate[];
};

/** One entry of a ranked list: the system's score and the judge's grade. */
export type RankedItem = { readonly score: number; readonly grade: number };

/** A pair the system ordered against the grades (or tied although the grades differ). */
export type Misorder = {
  /** Label of the candidate with the higher grade. */
  readonly better: string;
  /** Label of the candidate with the lower grade. */
  readonly worse: string;
  readonly betterScore: number;
  readonly worseScore: number;
};

/** A candidate with its grade and the score the system gave it; `falseFriend` only when the case marks it. */
export type ScoredCandidate = {
  readonly label: string;
  readonly grade: number;
  readonly score: number;
  readonly falseFriend?: true;
};

/** Metrics of one case. A metric is NaN where it is undefined (no pair with different grades, zero ideal DCG). */
export type CaseResult = {
  readonly id: string;
  readonly theme: string;
  readonly note: string;
  readonly pairwiseAccuracy: number;
  readonly reciprocalRank: number;
  readonly ndcg: number;
  /** Best score first. */
  readonly candidates: readonly ScoredCandidate[];
  readonly misordered: readonly Misorder[];
};

/** Case-averaged metrics of a set of cases (NaN values are left out of each mean). */
export type MetricSummary = {
  readonly cases: number;
  readonly pairwiseAccuracy: number;
  readonly meanReciprocalRank: number;
  readonly ndcg: number;
};

export type ThemeSummary = MetricSummary & { readonly theme: string };

/** What `runEval` returns and `npm run eval -- --json` prints. */
export type EvalReport = {
  readonly overall: MetricSummary;
  /** In order of first appearance in the case list. */
  readonly themes: readonly ThemeSummary[];
  /** The lowest-scoring cases, worst first (see `summarizeEval`). */
  readonly worst: readonly CaseResult[];
  readonly cases: readonly CaseResult[];
};

/** A case taken out of the score after review, with the written reason (the set's disputed.json). */
export type DisputedCase = { readonly id: string; readonly reason: string };

/** A candidate marked `falseFriend` that scored at or above a candidate with a higher grade. */
export type FalseFriendHit = {
  readonly caseId: string;
  /** Label of the false friend. */
  readonly falseFriend: string;
  readonly falseFriendScore: number;
  /** Label of the higher-graded candidate (the real skill) it reached. */
  readonly real: string;
  readonly realGrade: number;
  readonly realScore: number;
};

/** One named fixture set scored on its own: its report, its disputed cases and its false friends above. */
export type EvalSetReport = {
  /** "tuned" or "held-out". */
  readonly name: string;
  /** Fixture directory, relative to the package root. */
  readonly dir: string;
  /** Metrics over the cases that are not disputed. */
  readonly report: EvalReport;
  /** Excluded from `report`, listed with their reasons. */
  readonly disputed: readonly DisputedCase[];
  readonly falseFriendsAbove: readonly FalseFriendHit[];
  /**
   * True when the case-level detail was removed (see `hideCases`): `report.cases` and `report.worst` are
   * empty and each false-friend hit names no case, so a tuning loop sees only aggregates and counts.
   */
  readonly hidden?: boolean;
};
