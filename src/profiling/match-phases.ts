import { createMemoryLru } from "../adapters/cache/memory-lru.js";
import { assembleResult } from "../core/engine/assemble-result.js";
import type { Engine, EngineInput, EngineOptions, SkillNumbers } from "../core/engine/engine-types.js";
import type { ScoringConfig } from "../core/scoring/scoring-config.js";
import type { MatchResult, RequiredSkill, Skill } from "../core/types.js";
import * as D from "../defaults.js";
import { type Issue, throwIfIssues } from "../errors.js";
import type { Embedder, EmbeddingCache } from "../ports.js";
import type { NameTable } from "../prepare/name-table.js";
import { prepareRequired, prepareSide } from "../prepare/prepare-side.js";
import { validateMatchOptions } from "../validate/validate-match-options.js";
import { validateSkills } from "../validate/validate-skills.js";
import type { Dataset } from "./build-dataset.js";

/** The phases of a warm match, in order. `scoring` is measured as (numbers with intervals) − `pairs`. */
export const PHASE_NAMES = ["validation", "resolution", "pairs", "scoring", "assembly"] as const;
export type PhaseName = (typeof PHASE_NAMES)[number];

const LIMITS = {
  maxSkillsPerSide: D.MAX_SKILLS_PER_SIDE,
  maxPairsPerBatch: D.MAX_PAIRS_PER_BATCH,
  maxNameLength: D.MAX_NAME_LENGTH,
  maxRankCandidates: D.MAX_RANK_CANDIDATES,
};

/** Zero-argument calls for each phase on fixed inputs, and the whole match they make up. */
export type MatchPipeline = {
  /** validateSkills on both lists and validateMatchOptions, as `matcher.match` does. */
  readonly validation: () => unknown;
  /** Name table lookups, embedding-cache hits and the engine input (prepareSide/prepareRequired). */
  readonly resolution: () => EngineInput;
  /** Pair similarity and pair scores: the engine's numbers without intervals. */
  readonly pairs: () => SkillNumbers;
  /** The engine's numbers with the Beta mixture intervals (pairs + scoring). */
  readonly pairsAndScoring: () => SkillNumbers;
  /** Result assembly (overall score, gaps, explanations) from precomputed numbers. */
  readonly assembly: () => MatchResult;
  /** A whole warm match, the phases in sequence: what `matcher.match` runs once embeddings are cached. */
  readonly whole: () => MatchResult;
};

/**
 * The synchronous body of `matcher.match` for one dataset, split at its phase boundaries, with every
 * embedding already in the cache (a warm match). The engine must expose `numbers` (both engines do). One
 * name table per engine, as in the matcher: the engine's pair memo is keyed by the table's interned ids.
 */
/** The head row of a name without a head (never read). */
const NO_HEAD = new Float32Array(0);

export async function createMatchPipeline(
  dataset: Dataset,
  engine: Engine,
  names: NameTable,
  embedder: Embedder,
  config: ScoringConfig,
  options: EngineOptions,
): Promise<MatchPipeline> {
  const numbersOf = engine.numbers;
  if (numbersOf === undefined) throw new Error(`engine ${engine.name} does not expose numbers()`);
  const cache: EmbeddingCache = createMemoryLru(D.EMBEDDING_CACHE_SIZE);
  const named = [...dataset.candidate, ...dataset.required].map((s) => names.entry(s.name));
  // Head words are names too: the head-disagreement guard reads their rows.
  const all = [...named, ...named.flatMap((e) => (e.headEntry === null ? [] : [e.headEntry]))];
  const data = await embedder.embed(all.map((e) => e.norm));
  all.forEach((e, k) => {
    cache.set(e.cacheKey, data.slice(k * embedder.dim, (k + 1) * embedder.dim));
  });
  const rawCandidate: unknown = dataset.candidate;
  const rawRequired: unknown = dataset.required;

  const validate = (): { c: Skill[]; r: RequiredSkill[] } => {
    const issues: Issue[] = [];
    const c = validateSkills(rawCandidate, ["candidate"], LIMITS, false, issues);
    const r = validateSkills(rawRequired, ["required"], LIMITS, true, issues);
    validateMatchOptions(undefined, D.DEFAULT_STRATEGY, issues);
    throwIfIssues(issues);
    return { c, r };
  };
  const side = (skills: readonly Skill[]) => {
    const entries = skills.map((s) => names.entry(s.name));
    const rows = entries.map((e) => cache.get(e.cacheKey) as Float32Array);
    const headRows = entries.map((e) =>
      e.headEntry === null ? NO_HEAD : (cache.get(e.headEntry.cacheKey) as Float32Array),
    );
    return { entries, rows, headRows };
  };
  const resolve = (c: readonly Skill[], r: readonly RequiredSkill[]): EngineInput => {
    const cs = side(c);
    const rs = side(r);
    return {
      candidate: prepareSide(c, cs.entries, cs.rows, cs.headRows),
      required: prepareRequired(r, rs.entries, rs.rows, rs.headRows),
      dim: embedder.dim,
    };
  };
  const checked = validate();
  const input = resolve(checked.c, checked.r);
  const numbers = numbersOf(input, options, true);
  return {
    validation: validate,
    resolution: () => resolve(checked.c, checked.r),
    pairs: () => numbersOf(input, options, false),
    pairsAndScoring: () => numbersOf(input, options, true),
    assembly: () => assembleResult(input, numbers, options, config),
    whole: () => {
      const v = validate();
      const i = resolve(v.c, v.r);
      return assembleResult(i, numbersOf(i, options, true), options, config);
    },
  };
}
