import { homedir } from "node:os";
import { createMemoryLru } from "./adapters/cache/memory-lru.js";
import { loadDomainKeywords } from "./adapters/lexicon/load-domain-keywords.js";
import { loadLexicon } from "./adapters/lexicon/load-lexicon.js";
import type { Engine } from "./core/engine/engine-types.js";
import { createOptimizedEngine } from "./core/engine/optimized-engine.js";
import { topIndices } from "./core/engine/top-indices.js";
import type { EngineName, MatchResult, RequiredSkill, ResultMeta, Skill } from "./core/types.js";
import * as D from "./defaults.js";
import { CompetencyError, type Issue, throwIfIssues } from "./errors.js";
import type {
  Limits,
  Matcher,
  MatcherOptions,
  MatchPair,
  RankCandidate,
  RankEntry,
} from "./matcher-types.js";
import { createReferenceEngine } from "./oracle/reference-engine.js";
import type { Embedder } from "./ports.js";
import { createNameTable, type NameEntry, type NameTable } from "./prepare/name-table.js";
import { prepareRequired, prepareSide } from "./prepare/prepare-side.js";
import { hashScoringConfig, resolveScoringConfig } from "./scoring-config.js";
import { type CheckedMatchOptions, validateMatchOptions } from "./validate/validate-match-options.js";
import { validateSkills } from "./validate/validate-skills.js";

const ENGINES: readonly EngineName[] = ["reference", "optimized"];
/** Distinct names a matcher interns before its name table starts over. */
const NAME_TABLE_LIMIT = 200_000;

/** The default word-vector embedder, imported on first use so callers with their own embedder never load it. */
async function loadDefaultEmbedder(
  cacheDir: string | undefined,
  onProgress: MatcherOptions["onProgress"],
): Promise<Embedder> {
  const [{ createWordVectorEmbedder }, { resolveCacheDir }] = await Promise.all([
    import("./adapters/embedder/word-vectors/create-word-vector-embedder.js"),
    import("./adapters/embedder/resolve-cache-dir.js"),
  ]);
  // The one place the library reads the environment: the XDG cache convention users expect from a CLI tool.
  return createWordVectorEmbedder({
    cacheDir: cacheDir ?? resolveCacheDir(process.env, homedir()),
    ...(onProgress ? { onProgress } : {}),
  });
}

/** Everything that exists once the embedder is loaded. */
type Session = { embedder: Embedder; names: NameTable; engine: Engine; meta: ResultMeta };

/**
 * Creates a matcher: validates options, loads the lexicon and resolves the config now, and loads the
 * embedder on first use (or `ready()`). The one async seam: embeddings in, pure synchronous scoring after.
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
  const limits: Limits = {
    maxSkillsPerSide: options.limits?.maxSkillsPerSide ?? D.MAX_SKILLS_PER_SIDE,
    maxPairsPerBatch: options.limits?.maxPairsPerBatch ?? D.MAX_PAIRS_PER_BATCH,
    maxNameLength: options.limits?.maxNameLength ?? D.MAX_NAME_LENGTH,
    maxRankCandidates: options.limits?.maxRankCandidates ?? D.MAX_RANK_CANDIDATES,
  };
  const lexicon = options.lexicon ?? loadLexicon();
  const keywords = loadDomainKeywords();
  const cache = options.cache ?? createMemoryLru(D.EMBEDDING_CACHE_SIZE);
  const configHash = hashScoringConfig(config);

  let session: Session | null = null;
  let loading: Promise<Session> | null = null;
  let closed = false;

  function newSession(embedder: Embedder): Session {
    const context = { lexicon, config };
    return {
      embedder,
      names: createNameTable(lexicon, keywords, embedder.id, NAME_TABLE_LIMIT),
      engine: engineName === "reference" ? createReferenceEngine(context) : createOptimizedEngine(context),
      meta: Object.freeze({
        engine: engineName,
        embedder: embedder.id,
        lexiconVersion: lexicon.version,
        configHash,
      }),
    };
  }

  async function load(): Promise<Session> {
    if (closed) throw new CompetencyError("CLOSED");
    if (loading === null) {
      loading = (async () => {
        session = newSession(
          options.embedder ?? (await loadDefaultEmbedder(options.cacheDir, options.onProgress)),
        );
        return session;
      })();
      loading.catch(() => {
        loading = null;
      });
    }
    const s = await loading;
    if (closed) throw new CompetencyError("CLOSED");
    // Interned ids are finite; a fresh table needs a fresh engine, whose pair memo is keyed by those ids.
    if (s.names.exhausted) session = newSession(s.embedder);
    return session ?? s;
  }

  /** Name entries and embedding rows for each list; embeds every missing distinct name once. */
  async function resolve(
    s: Session,
    lists: readonly (readonly Skill[])[],
  ): Promise<{ entries: NameEntry[][]; rows: Float32Array[][] }> {
    const entries = lists.map((list) => list.map((skill) => s.names.entry(skill.name)));
    const rows = entries.map((list) => new Array<Float32Array>(list.length));
    let missing: Map<NameEntry, [number, number][]> | null = null;
    for (let k = 0; k < entries.length; k++) {
      const list = entries[k]!;
      for (let i = 0; i < list.length; i++) {
        const row = cache.get(list[i]!.cacheKey);
        if (row !== undefined) rows[k]![i] = row;
        else {
          missing ??= new Map();
          const at = missing.get(list[i]!);
          if (at === undefined) missing.set(list[i]!, [[k, i]]);
          else at.push([k, i]);
        }
      }
    }
    if (missing !== null) {
      const wanted = [...missing.keys()];
      const dim = s.embedder.dim;
      const data = await s.embedder.embed(wanted.map((e) => e.norm));
      wanted.forEach((entry, w) => {
        const row = data.slice(w * dim, (w + 1) * dim);
        cache.set(entry.cacheKey, row);
        for (const [k, i] of missing.get(entry)!) rows[k]![i] = row;
      });
    }
    return { entries, rows };
  }

  function scoreOne(
    s: Session,
    c: readonly Skill[],
    r: readonly RequiredSkill[],
    at: { entries: NameEntry[][]; rows: Float32Array[][] },
    k: number,
    opts: CheckedMatchOptions,
  ): MatchResult {
    return s.engine.score(
      {
        candidate: prepareSide(c, at.entries[k]!, at.rows[k]!),
        required: prepareRequired(r, at.entries[k + 1]!, at.rows[k + 1]!),
        dim: s.embedder.dim,
      },
      { strategy: opts.strategy, include: opts.include, meta: s.meta },
    );
  }

  return {
    async match(candidate, required, matchOptions) {
      const issues: Issue[] = [];
      const c = validateSkills(candidate, ["candidate"], limits, false, issues);
      const r = validateSkills(required, ["required"], limits, true, issues);
      const opts = validateMatchOptions(matchOptions, D.DEFAULT_STRATEGY, issues);
      throwIfIssues(issues);
      const s = await load();
      return scoreOne(s, c, r, await resolve(s, [c, r]), 0, opts);
    },

    async matchBatch(pairs, matchOptions) {
      const issues: Issue[] = [];
      if (!Array.isArray(pairs))
        issues.push({
          code: "invalid_type",
          path: ["pairs"],
          message: `pairs must be an array, got ${typeof pairs}`,
        });
      else if (pairs.length > limits.maxPairsPerBatch) {
        issues.push({
          code: "too_many",
          path: ["pairs"],
          message: `at most ${limits.maxPairsPerBatch} pairs allowed, got ${pairs.length}`,
        });
      }
      const opts = validateMatchOptions(matchOptions, D.DEFAULT_STRATEGY, issues);
      throwIfIssues(issues);
      const lists: (readonly Skill[])[] = [];
      pairs.forEach((p: Partial<MatchPair> | undefined, k) => {
        lists.push(validateSkills(p?.candidate, ["pairs", k, "candidate"], limits, false, issues));
        lists.push(validateSkills(p?.required, ["pairs", k, "required"], limits, true, issues));
      });
      throwIfIssues(issues);
      const s = await load();
      const at = await resolve(s, lists);
      return pairs.map((_, k) => scoreOne(s, lists[2 * k]!, lists[2 * k + 1]!, at, 2 * k, opts));
    },

    async rank(candidates, required, rankOptions) {
      const issues: Issue[] = [];
      const r = validateSkills(required, ["required"], limits, true, issues);
      const opts = validateMatchOptions(rankOptions, D.DEFAULT_STRATEGY, issues);
      if (!Array.isArray(candidates))
        issues.push({
          code: "invalid_type",
          path: ["candidates"],
          message: `candidates must be an array, got ${typeof candidates}`,
        });
      else if (candidates.length > limits.maxRankCandidates) {
        issues.push({
          code: "too_many",
          path: ["candidates"],
          message: `at most ${limits.maxRankCandidates} candidates allowed, got ${candidates.length}`,
        });
      }
      throwIfIssues(issues);
      const lists: (readonly Skill[])[] = [r];
      const ids = candidates.map((cand: Partial<RankCandidate> | undefined, k) => {
        const id = cand?.id;
        if (typeof id !== "string" || id === "") {
          issues.push({
            code: "invalid_type",
            path: ["candidates", k, "id"],
            message: `id must be a non-empty string, got ${JSON.stringify(id)}`,
          });
        }
        lists.push(validateSkills(cand?.skills, ["candidates", k, "skills"], limits, false, issues));
        return id as string;
      });
      throwIfIssues(issues);
      const s = await load();
      const at = await resolve(s, lists);
      // The role is prepared once; every candidate gets only its overall score, and full results (intervals,
      // explanations, gaps) are built for the top K alone. Both paths share the overall computation.
      const role = prepareRequired(r, at.entries[0]!, at.rows[0]!);
      const dim = s.embedder.dim;
      const scoreOf = s.engine.roleScorer(role, dim, opts.strategy);
      const scores = new Float64Array(ids.length);
      for (let k = 0; k < ids.length; k++)
        scores[k] = scoreOf(prepareSide(lists[k + 1]!, at.entries[k + 1]!, at.rows[k + 1]!));
      const top = topIndices(scores, opts.topK);
      const meta = { strategy: opts.strategy, include: opts.include, meta: s.meta };
      return top.map((k, rank): RankEntry => {
        const candidate = prepareSide(lists[k + 1]!, at.entries[k + 1]!, at.rows[k + 1]!);
        const result = s.engine.score({ candidate, required: role, dim }, meta);
        return { id: ids[k]!, rank: rank + 1, overallScore: result.overallScore, result };
      });
    },

    async ready() {
      await load();
    },
    get isReady() {
      return session !== null && !closed;
    },
    cacheStats: () => cache.stats(),
    get embedderId() {
      return session?.embedder.id ?? options.embedder?.id ?? "wink-sg-100d (not loaded)";
    },
    lexiconVersion: lexicon.version,
    async close() {
      if (closed) return;
      closed = true;
      const s = session ?? (loading ? await loading.catch(() => null) : null);
      await s?.embedder.close();
    },
  };
}
