import { createMemoryLru } from "./adapters/cache/memory-lru.js";
import { loadDomainKeywords } from "./adapters/lexicon/load-domain-keywords.js";
import { loadLexicon } from "./adapters/lexicon/load-lexicon.js";
import { prebuiltShapeTableSeed } from "./adapters/shape-tables/prebuilt-shape-table-seed.js";
import type { EngineName, MatchResult, RequiredSkill, Skill } from "./core/types.js";
import * as D from "./defaults.js";
import { CompetencyError, type Issue, throwIfIssues } from "./errors.js";
import { createSessionLoader, type Session } from "./matcher/create-session-loader.js";
import { loadDefaultEmbedder } from "./matcher/load-default-embedder.js";
import { rankCandidates, rankColumnCandidates } from "./matcher/rank-candidates.js";
import { resolveLimits } from "./matcher/resolve-limits.js";
import {
  embedMissing,
  lookUpNames,
  type ResolvedLists,
  requiredOf,
  resolveNames,
  sideOf,
} from "./matcher/resolve-names.js";
import type { Matcher, MatcherOptions } from "./matcher-types.js";
import { hashScoringConfig, resolveScoringConfig } from "./scoring-config.js";
import { candidateColumnsAreClean, validateCandidateColumns } from "./validate/validate-candidate-columns.js";
import { type CheckedMatchOptions, validateMatchOptions } from "./validate/validate-match-options.js";
import { validatePairs } from "./validate/validate-pairs.js";
import { listCandidates, validateRankCandidates } from "./validate/validate-rank-candidates.js";
import { validateSkills } from "./validate/validate-skills.js";

const ENGINES: readonly EngineName[] = ["reference", "optimized"];

function scorePair(
  s: Session,
  candidate: readonly Skill[],
  required: readonly RequiredSkill[],
  resolved: ResolvedLists,
  k: number,
  opts: CheckedMatchOptions,
): MatchResult {
  return s.engine.score(
    {
      candidate: sideOf(resolved, k, candidate),
      required: requiredOf(resolved, k + 1, required),
      dim: s.embedder.dim,
    },
    { strategy: opts.strategy, include: opts.include, meta: s.meta },
  );
}

/**
 * Creates a matcher: validates options, loads the lexicon and resolves the config now, and loads the
 * embedder on first use (or `ready()`). The one async seam: embeddings in, pure synchronous scoring after.
 * Every method validates all of its input first and rejects it once, with every issue.
 *
 * @example
 * const matcher = createMatcher();
 * const result = await matcher.match(
 *   [{ name: "JavaScript", level: { value: 5, max: 5 } }],
 *   [{ name: "TypeScript", level: { value: 3, max: 5 } }],
 * );
 */
export function createMatcher(options: MatcherOptions = {}): Matcher {
  const engineName = options.engine ?? D.DEFAULT_ENGINE;
  if (!ENGINES.includes(engineName)) {
    throw new CompetencyError(
      "INVALID_CONFIG",
      `engine must be one of ${ENGINES.join(", ")}; got ${JSON.stringify(engineName)}`,
    );
  }
  const config = resolveScoringConfig(options.config);
  const limits = resolveLimits(options.limits);
  const lexicon = options.lexicon ?? loadLexicon();
  const cache = options.cache ?? createMemoryLru(D.EMBEDDING_CACHE_SIZE);
  // Build-time Beta tables: a cold first match reads them instead of computing ~750 incomplete Betas.
  const shapeTableSeed = prebuiltShapeTableSeed();
  const sessions = createSessionLoader(
    engineName,
    shapeTableSeed === undefined ? { lexicon, config } : { lexicon, config, shapeTableSeed },
    loadDomainKeywords(),
    hashScoringConfig(config),
    async () => options.embedder ?? (await loadDefaultEmbedder(options.cacheDir, options.onProgress)),
  );

  return {
    async match(candidate, required, matchOptions) {
      const issues: Issue[] = [];
      const c = validateSkills(candidate, ["candidate"], limits, false, issues);
      const r = validateSkills(required, ["required"], limits, true, issues);
      const opts = validateMatchOptions(matchOptions, D.DEFAULT_STRATEGY, issues);
      throwIfIssues(issues);
      const s = sessions.loaded() ?? (await sessions.load());
      // Awaits only when a name's row must be embedded: a match of cached names runs in one synchronous step.
      const { resolved, missing } = lookUpNames(s, cache, [c, r], null)!;
      if (missing !== null) await embedMissing(s, cache, missing);
      return scorePair(s, c, r, resolved, 0, opts);
    },

    async matchBatch(pairs, matchOptions) {
      const issues: Issue[] = [];
      const lists = validatePairs(pairs, limits, issues);
      const opts = validateMatchOptions(matchOptions, D.DEFAULT_STRATEGY, issues);
      throwIfIssues(issues);
      const s = sessions.loaded() ?? (await sessions.load());
      const resolved = await resolveNames(s, cache, lists);
      return pairs.map((_, k) => scorePair(s, lists[2 * k]!, lists[2 * k + 1]!, resolved, 2 * k, opts));
    },

    async rank(candidates, required, rankOptions) {
      const issues: Issue[] = [];
      const r = validateSkills(required, ["required"], limits, true, issues);
      const opts = validateMatchOptions(rankOptions, D.DEFAULT_STRATEGY, issues);
      const loaded = sessions.loaded();
      // The common case in one pass over the skills: each is checked as its name is looked up, and a
      // name the session already holds is known clean. Any doubt goes to the full validation below.
      const listed = issues.length === 0 && loaded !== null ? listCandidates(candidates, limits) : null;
      if (listed !== null) {
        const ranked = await rankCandidates(loaded!, cache, r, listed.ids, listed.lists, opts, limits);
        if (ranked !== null) return ranked;
      }
      const { ids, lists } = validateRankCandidates(candidates, limits, issues);
      throwIfIssues(issues);
      const s = sessions.loaded() ?? (await sessions.load());
      return (await rankCandidates(s, cache, r, ids, lists, opts, null))!;
    },

    async rankColumns(columns, required, rankOptions) {
      const issues: Issue[] = [];
      const r = validateSkills(required, ["required"], limits, true, issues);
      const opts = validateMatchOptions(rankOptions, D.DEFAULT_STRATEGY, issues);
      const loaded = sessions.loaded();
      // As in rank: the clean case checks names as it looks them up; any doubt goes to the full validation.
      if (issues.length === 0 && loaded !== null && candidateColumnsAreClean(columns, limits)) {
        const ranked = await rankColumnCandidates(loaded, cache, r, columns, opts, limits);
        if (ranked !== null) return ranked;
      }
      const { ids, lists } = validateCandidateColumns(columns, limits, issues);
      throwIfIssues(issues);
      const s = sessions.loaded() ?? (await sessions.load());
      return (await rankCandidates(s, cache, r, ids, lists, opts, null))!;
    },

    async ready() {
      await sessions.load();
    },
    get isReady() {
      return sessions.current !== null && !sessions.closed;
    },
    cacheStats: () => cache.stats(),
    get embedderId() {
      return sessions.current?.embedder.id ?? options.embedder?.id ?? "wink-sg-100d (not loaded)";
    },
    lexiconVersion: lexicon.version,
    close: () => sessions.close(),
  };
}
