import type { EventLoopUtilization } from "node:perf_hooks";
import type { Interval, MatchResult, RequiredSkill, Skill, Strategy } from "../core/types.js";
import type { ErrorCode, Issue } from "../errors.js";
import type { CandidateColumns, MatchOptions, MatchPair } from "../matcher-types.js";
import type { Line } from "../sources/read-lines.js";

/** A slice of batch or rank work: scored in one matchBatch call, in-process or on a worker thread. */
export type ChunkTask = { readonly pairs: readonly MatchPair[]; readonly options: MatchOptions };

/** An error as it travels on the wire (NDJSON line, HTTP body, worker message). */
export type WireError = {
  readonly code: ErrorCode;
  readonly message: string;
  readonly issues?: readonly Issue[];
};

export type ItemOutcome<R> =
  | { readonly ok: true; readonly result: R }
  | { readonly ok: false; readonly error: WireError };

/** What ranking keeps per candidate: small enough to hold 100,000 of them. */
export type RankSummary = {
  readonly overallScore: number;
  readonly overallInterval: Interval;
  /** Names of the (up to three) requirements with the largest impact. */
  readonly topGaps: readonly string[];
};

/** A chunk of validated candidates ranked against one role (the role travels once, not once per pair). */
export type RankTask = {
  readonly candidates: readonly (readonly Skill[])[];
  readonly role: readonly RequiredSkill[];
  readonly strategy: Strategy;
  /** Only the chunk's best `top` get results (the only ones that can reach the global top). @default all */
  readonly top: number | undefined;
  /** Full match results, else summaries. */
  readonly full: boolean;
  /**
   * Only candidates scoring strictly above this get results: the K-th best score the caller already holds
   * from earlier chunks (see RankOptions.scoreAbove). @default -Infinity
   */
  readonly above?: number;
};

/** The chunk's best candidates by position in the task, or null when the matcher rejected some candidate. */
export type RankTaskResult = readonly {
  readonly index: number;
  readonly result: object & { readonly overallScore: number };
}[];

/** One bad line of a chunk: its number and the error to report. */
export type LineError = { readonly lineNo: number; readonly error: WireError };

/** A rank chunk as raw NDJSON lines, parsed and validated where they are scored (see rankLineChunk). */
export type RankLinesTask = Omit<RankTask, "candidates"> & { readonly lines: readonly Line[] };

/**
 * A rank chunk as the bytes of whole lines (see read-byte-chunks.ts): the worker that scores it splits,
 * decodes, parses and validates it, so the thread that reads the file never holds its text.
 */
export type RankBytesTask = Omit<RankTask, "candidates"> & {
  /** Its ArrayBuffer holds nothing else: a pool transfers it to the worker (detached on this side). */
  readonly bytes: Uint8Array;
  /** Number of the chunk's first line. */
  readonly firstLineNo: number;
};

/** A chunk of rank lines parsed and validated into columns: what the reader thread hands to the scorer (see parse-rank-lines.ts). */
export type ParsedRankLines = {
  /** Number of each line of the chunk. */
  readonly lineNos: Int32Array;
  /** Id of each good line, else null; aligned with the lines. No id appears twice in the whole input. */
  readonly ids: readonly (string | null)[];
  /** The lines that did not parse or validate, or reused an earlier line's id, in line order. */
  readonly errors: readonly LineError[];
  /** The good lines as rank candidates, in line order; a candidate's id is its position here ("0", "1", …). */
  readonly columns: CandidateColumns;
  /** Index in the chunk's lines of each candidate of `columns`. */
  readonly positions: Int32Array;
  /**
   * Parsed with a run's names (see parseRankLines): `columns.names` are that run's names from this
   * position on, and `columns.name` indexes the run's names. Absent: the chunk's own dictionary.
   */
  readonly firstName?: number;
};

/** A rank chunk already parsed into columns on another thread (see parse-rank-lines.ts). */
export type RankParsedTask = Omit<RankTask, "candidates"> & { readonly parsed: ParsedRankLines };

/** What ranking a chunk of raw lines found. */
export type RankLinesResult = {
  /** Id of each line that parsed and validated (its `id`, else its line number), else null; aligned with the lines. */
  readonly ids: readonly (string | null)[];
  /** The lines that did not parse or validate, in line order. */
  readonly errors: readonly LineError[];
  /** The chunk's best lines by position in the task's lines, or null when the matcher rejected a candidate. */
  readonly ranked: RankTaskResult | null;
};

/** What ranking a chunk of bytes found: as for raw lines, with the number of each non-blank line. */
export type RankBytesResult = RankLinesResult & {
  /** Number of each non-blank line of the chunk, aligned with `ids`. */
  readonly lineNos: Int32Array;
};

/** Scores chunks of pairs, in this thread or on a pool of workers. */
export interface ChunkScorer {
  /** Overall scores for every candidate, results for the best `top` only (matcher.rank). */
  rank(task: RankTask): Promise<RankTaskResult | null>;
  /** As `rank`, from raw lines that the scoring thread parses and validates itself. */
  rankLines(task: RankLinesTask): Promise<RankLinesResult>;
  /** As `rankLines`, from the bytes of whole lines that the scoring thread splits and decodes itself. */
  rankBytes(task: RankBytesTask): Promise<RankBytesResult>;
  /** As `rankLines`, for a chunk parsed elsewhere; only a scorer on the thread that reads has it. */
  rankParsed?(task: RankParsedTask): Promise<RankLinesResult>;
  full(task: ChunkTask): Promise<ItemOutcome<MatchResult>[]>;
  summary(task: ChunkTask): Promise<ItemOutcome<RankSummary>[]>;
  /** Loads the model in every thread ahead of the first chunk. */
  warm(): Promise<void>;
  /** How many chunks it makes sense to keep in flight. */
  readonly parallelism: number;
  close(): Promise<void>;
  /**
   * Event-loop utilisation of each thread the scorer started, read as it closed (for `rank --stats`); none
   * for a scorer on the calling thread.
   */
  threadUse(): readonly { readonly name: string; readonly elu: EventLoopUtilization }[];
}
