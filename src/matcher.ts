import { homedir } from "node:os";
import { createMemoryLru } from "./adapters/cache/memory-lru.js";
import { loadDomainKeywords } from "./adapters/lexicon/load-domain-keywords.js";
import { loadLexicon } from "./adapters/lexicon/load-lexicon.js";
import type { Engine } from "./core/engine/engine-types.js";
import { createOptimizedEngine } from "./core/engine/optimized-engine.js";
import { createReferenceEngine } from "./core/engine/reference-engine.js";
import { classifyDomain } from "./core/lexicon/classify-domain.js";
import { findSkill } from "./core/lexicon/find-skill.js";
import { normalizeName } from "./core/text/normalize-name.js";
import type { Domain, EngineName, MatchResult, RequiredSkill, ResultMeta, Skill } from "./core/types.js";
import * as D from "./defaults.js";
import { CompetencyError, type Issue, throwIfIssues } from "./errors.js";
import type { Limits, MatcherOptions, MatchOptions, Matcher, MatchPair, RankCandidate, RankEntry, RankOptions } from "./matcher-types.js";
import type { Embedder } from "./ports.js";
import { type NameInfo, prepareRequired, prepareSide } from "./prepare/prepare-side.js";
import { hashScoringConfig, resolveScoringConfig } from "./scoring-config.js";
import { validateMatchOptions } from "./validate/validate-match-options.js";
import { validateSkills } from "./validate/validate-skills.js";

const ENGINES: readonly EngineName[] = ["reference", "optimized"];
/** Name → lexicon/domain lookups kept per matcher; cleared when full (names repeat heavily in practice). */
const NAME_CACHE_LIMIT = 100_000;

/** The default word-vector embedder, imported on first use so callers with their own embedder never load it. */
async function loadDefaultEmbedder(cacheDir: string | undefined, onProgress: MatcherOptions["onProgress"]): Promise<Embedder> {
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

/**
 * Creates a matcher: validates options, loads the lexicon and compiles the engine now, and loads the
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
    throw new CompetencyError("INVALID_CONFIG", `engine must be one of ${ENGINES.join(", ")}; got ${JSON.stringify(engineName)}`);
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
  const context = { lexicon, config };
  const engine: Engine = engineName === "reference" ? createReferenceEngine(context) : createOptimizedEngine(context);
  const configHash = hashScoringConfig(config);
  const names = new Map<string, { lexIndex: number; domain: Domain }>();

  let embedder: Embedder | null = null;
  let loading: Promise<Embedder> | null = null;
  let closed = false;
  let meta: ResultMeta | null = null;

  function load(): Promise<Embedder> {
    if (closed) return Promise.reject(new CompetencyError("CLOSED"));
    if (loading === null) {
      loading = (async () => {
        const loaded =
          options.embedder ??
          (await loadDefaultEmbedder(options.cacheDir, options.onProgress));
        embedder = loaded;
        meta = Object.freeze({ engine: engineName, embedder: loaded.id, lexiconVersion: lexicon.version, configHash });
        return loaded;
      })();
      loading.catch(() => {
        loading = null;
      });
    }
    return loading;
  }

  /** Resolves lexicon index, domain and embedding row of every distinct normalised name. */
  async function resolveNames(norms: Iterable<string>): Promise<Map<string, NameInfo>> {
    const model = await load();
    if (closed) throw new CompetencyError("CLOSED");
    const rows = new Map<string, Float32Array>();
    const missing: string[] = [];
    for (const norm of norms) {
      if (rows.has(norm)) continue;
      const row = cache.get(`${model.id}\u0000${norm}`);
      if (row === undefined) {
        if (!missing.includes(norm)) missing.push(norm);
      } else rows.set(norm, row);
    }
    if (missing.length > 0) {
      const data = await model.embed(missing);
      for (let k = 0; k < missing.length; k++) {
        const row = data.slice(k * model.dim, (k + 1) * model.dim);
        cache.set(`${model.id}\u0000${missing[k]}`, row);
        rows.set(missing[k]!, row);
      }
    }
    const info = new Map<string, NameInfo>();
    for (const [norm, row] of rows) {
      let known = names.get(norm);
      if (known === undefined) {
        if (names.size >= NAME_CACHE_LIMIT) names.clear();
        const lexIndex = findSkill(lexicon, norm);
        known = { lexIndex, domain: classifyDomain(lexicon, keywords, norm) };
        names.set(norm, known);
      }
      info.set(norm, { lexIndex: known.lexIndex, domain: known.domain, row });
    }
    return info;
  }

  function scoreOne(candidate: readonly Skill[], required: readonly RequiredSkill[], info: Map<string, NameInfo>, opts: { strategy: MatchOptions["strategy"] & string; include: NonNullable<MatchOptions["include"]> }): MatchResult {
    const cNorms = candidate.map((s) => normalizeName(s.name));
    const rNorms = required.map((s) => normalizeName(s.name));
    return engine.score(
      { candidate: prepareSide(candidate, cNorms, info), required: prepareRequired(required, rNorms, info), dim: embedder!.dim },
      { strategy: opts.strategy, include: opts.include, meta: meta! },
    );
  }

  function allNorms(lists: readonly (readonly Skill[])[]): Set<string> {
    const set = new Set<string>();
    for (const list of lists) for (const s of list) set.add(normalizeName(s.name));
    return set;
  }

  return {
    async match(candidate, required, matchOptions) {
      const issues: Issue[] = [];
      const c = validateSkills(candidate, ["candidate"], limits, false, issues);
      const r = validateSkills(required, ["required"], limits, true, issues);
      const opts = validateMatchOptions(matchOptions, D.DEFAULT_STRATEGY, issues);
      throwIfIssues(issues);
      const info = await resolveNames(allNorms([c, r]));
      return scoreOne(c, r, info, opts);
    },
    async matchBatch(pairs: readonly MatchPair[], matchOptions?: MatchOptions) {
      const issues: Issue[] = [];
      if (!Array.isArray(pairs)) {
        issues.push({ code: "invalid_type", path: ["pairs"], message: "pairs must be an array" });
      } else if (pairs.length > limits.maxPairsPerBatch) {
        issues.push({ code: "too_many", path: ["pairs"], message: `at most ${limits.maxPairsPerBatch} pairs allowed, got ${pairs.length}` });
      }
      const opts = validateMatchOptions(matchOptions, D.DEFAULT_STRATEGY, issues);
      throwIfIssues(issues);
      const clean = pairs.map((p, k) => ({
        candidate: validateSkills((p as Partial<MatchPair> | undefined)?.candidate, ["pairs", k, "candidate"], limits, false, issues),
        required: validateSkills((p as Partial<MatchPair> | undefined)?.required, ["pairs", k, "required"], limits, true, issues),
      }));
      throwIfIssues(issues);
      const info = await resolveNames(allNorms(clean.flatMap((p) => [p.candidate, p.required])));
      return clean.map((p) => scoreOne(p.candidate, p.required, info, opts));
    },
    async rank(candidates: readonly RankCandidate[], required: readonly RequiredSkill[], rankOptions?: RankOptions) {
      const issues: Issue[] = [];
      const r = validateSkills(required, ["required"], limits, true, issues);
      const opts = validateMatchOptions(rankOptions, D.DEFAULT_STRATEGY, issues);
      if (!Array.isArray(candidates)) {
        issues.push({ code: "invalid_type", path: ["candidates"], message: "candidates must be an array" });
      } else if (candidates.length > limits.maxRankCandidates) {
        issues.push({ code: "too_many", path: ["candidates"], message: `at most ${limits.maxRankCandidates} candidates allowed, got ${candidates.length}` });
      }
      throwIfIssues(issues);
      const clean = candidates.map((cand, k) => {
        const id = (cand as Partial<RankCandidate> | undefined)?.id;
        if (typeof id !== "string" || id === "") {
          issues.push({ code: "invalid_type", path: ["candidates", k, "id"], message: `id must be a non-empty string, got ${JSON.stringify(id)}` });
        }
        return { id: id as string, skills: validateSkills((cand as Partial<RankCandidate> | undefined)?.skills, ["candidates", k, "skills"], limits, false, issues) };
      });
      throwIfIssues(issues);
      const info = await resolveNames(allNorms([r, ...clean.map((c) => c.skills)]));
      const scored = clean.map((c, k) => ({ id: c.id, k, result: scoreOne(c.skills, r, info, opts) }));
      scored.sort((a, b) => b.result.overallScore - a.result.overallScore || a.k - b.k);
      const top = scored.slice(0, Math.min(scored.length, opts.topK));
      return top.map((s, k): RankEntry => ({ id: s.id, rank: k + 1, overallScore: s.result.overallScore, result: s.result }));
    },
    async ready() {
      await load();
    },
    get isReady() {
      return embedder !== null && !closed;
    },
    cacheStats: () => cache.stats(),
    get embedderId() {
      return embedder?.id ?? options.embedder?.id ?? "wink-sg-100d (not loaded)";
    },
    lexiconVersion: lexicon.version,
    async close() {
      if (closed) return;
      closed = true;
      const model = embedder ?? (loading ? await loading.catch(() => null) : null);
      await model?.close();
    },
  };
}
