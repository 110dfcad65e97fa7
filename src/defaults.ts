/**
 * Every default in one place. Upstream's constants keep upstream's names; our additions say why they exist.
 * See docs/scoring.md for how each one enters the model.
 */

// ── Input limits (SPEC §1) ──────────────────────────────────────────────────
export const MAX_SKILLS_PER_SIDE = 1_000;
export const MAX_PAIRS_PER_BATCH = 10_000;
export const MAX_NAME_LENGTH = 200;
export const MAX_BODY_BYTES = 1_048_576;
export const MAX_RANK_CANDIDATES = 100_000;
/**
 * Bounds of a required skill's `weight`. Weights are relative shares, so six orders of magnitude either way
 * of 1 is more than any role needs, and the sum over 1,000 skills stays far from overflow and underflow
 * (1e308 used to overflow the sum to Infinity, 5e-324 to vanish against 1).
 */
export const MIN_WEIGHT = 1e-6;
export const MAX_WEIGHT = 1e6;

// ── DistributionConfig: one Beta per skill level ────────────────────────────
/** α + β of each skill's Beta; its mode sits on the level ratio. Higher = tighter intervals. */
export const BETA_CONCENTRATION = 12;

// ── PenaltyConfig (upstream) ────────────────────────────────────────────────
export const SIMILARITY_THRESHOLD = 0.15;
export const MODERATE_PENALTY = 0.3;
export const SEVERE_PENALTY = 0.1;
export const SEVERE_THRESHOLD = 0.05;
/** Share of the penalty score that depends on the candidate's level (upstream boosts by ≤ 30%). */
export const PENALTY_LEVEL_SHARE = 0.3;
/**
 * Below the similarity floor a pair scores SEVERE_PENALTY·(1 − PENALTY_LEVEL_SHARE) plus at most this much
 * for level and similarity, and every related or direct pair scores at least that ceiling. Upstream's band
 * (0.1 → 0.3 across the floor) lets the best of many noisy "none" similarities rise with list length
 * (junk names paid up to 0.3); a band narrower than 0.01 cannot (issue 10, class 6).
 */
export const NO_EVIDENCE_LEVEL_SPREAD = 0.009;

// ── ScoringConfig (upstream) ────────────────────────────────────────────────
export const RATIO_WEIGHT_MEETS = 0.6;
export const RATIO_WEIGHT_BELOW = 0.4;
export const VERY_SIMILAR_BOOST = 1.1;
export const MODERATELY_SIMILAR_BOOST = 1.05;
export const VERY_SIMILAR_THRESHOLD = 0.8;
export const MODERATELY_SIMILAR_THRESHOLD = 0.6;
export const MAX_CONFIDENCE_WEIGHT = 0.8;
export const HIGH_SCORE_DAMPENING = 0.6;
/** Similarity at or above which a match counts as near-identical (upstream: sim > 0.9 or same name). */
export const NEAR_IDENTICAL_THRESHOLD = 0.9;
/** Near-identical score = NEAR_IDENTICAL_FLOOR + (1 − floor)·ratio (upstream 0.6 + 0.4·ratio). */
export const NEAR_IDENTICAL_FLOOR = 0.6;
/** Below this level ratio the near-identical floor fades out linearly, so 0/5 on the right skill is not 0.6. */
export const NEAR_IDENTICAL_FADE_RATIO = 0.5;
/**
 * Mixture weights are similarity^γ over related candidate skills only. Upstream weights by
 * max(0.01, s·(1 + 0.5·r)); the level term breaks monotonicity and the 0.01 floor lets unrelated
 * skills dilute, so both are dropped (docs/scoring.md, deviations 1–2).
 */
export const MIXTURE_SIMILARITY_EXPONENT = 4;

// ── Conservative and aggressive strategies (upstream) ───────────────────────
/**
 * Conservative: each candidate level is read at this quantile of its Beta before scoring. Upstream multiplies
 * scores by (1 − 0.5·variance), but a mixture's variance can grow when a level rises, which would let a
 * better candidate score lower; Beta quantiles rise with the level, so this stays monotone.
 */
export const CONSERVATIVE_LEVEL_QUANTILE = 0.25;
export const CONSERVATIVE_MEAN_WEIGHT = 0.7;
/** Aggressive: related evidence transfers with sqrt instead of linear interpolation. */
export const AGGRESSIVE_TRANSFER_EXPONENT = 0.5;

// ── Domains and coherence (upstream) ────────────────────────────────────────
export const DOMAIN_PENALTY_SAME = 0;
export const DOMAIN_PENALTY_SOFTWARE_DATA = 0.15;
export const DOMAIN_PENALTY_SOFTWARE_DEVOPS = 0.1;
export const DOMAIN_PENALTY_MARKETING_SALES = 0.2;
export const DOMAIN_PENALTY_SOFT = 0.3;
export const DOMAIN_PENALTY_GENERAL = 0.2;
export const DOMAIN_PENALTY_OTHER = 0.6;
export const COHERENCE_MIN_SKILLS = 3;
export const COHERENCE_MIN_MEAN_SIMILARITY = 0.6;
export const COHERENCE_MIN_DOMAIN_AGREEMENT = 0.7;
export const COHERENCE_BASE_LOW = 0.55;
export const COHERENCE_BASE_HIGH = 0.75;
export const COHERENCE_BONUS_MIN = 0.05;
export const COHERENCE_BONUS_MAX = 0.07;

// ── Must-have and gaps ──────────────────────────────────────────────────────
/** A mustHave skill scoring below this caps the overall score at its score (SPEC §2 property 10). */
export const MUST_HAVE_THRESHOLD = 0.5;
/**
 * A must-have met only by related evidence (no exact, alias, kind-of or near-identical skill scoring at
 * least MUST_HAVE_THRESHOLD) caps the overall score at min(its score, this): below 0.5, so a licence never
 * passes a screen on a neighbouring skill (SPEC §2 property 10).
 */
export const MUST_HAVE_UNMET_CAP = 0.45;
/**
 * Share of the uncapped overall score kept on top of an unmet must-have's cap, so candidates who all lack
 * the licence still rank by the rest of their profile. Cap + share stays below MUST_HAVE_THRESHOLD.
 */
export const MUST_HAVE_UNMET_SHARE = 0.04;
/** Gaps list requirements whose impact on the overall score is at least this. */
export const GAP_MIN_IMPACT = 0.005;

// ── Interval ────────────────────────────────────────────────────────────────
export const INTERVAL_LOWER_QUANTILE = 0.025;
export const INTERVAL_UPPER_QUANTILE = 0.975;
/** Grid points on [0,1] for mixture quantiles; CDF tables are cached per Beta shape. */
export const QUANTILE_GRID_SIZE = 512;
/**
 * The build computes the Beta tables of every level ratio on scales with max 1 to this (33 ratios, ~150 KB in
 * dist/shape-table-seed.bin); levels on other scales are computed on first need.
 */
export const SEEDED_LEVEL_SCALE = 10;

// ── Lexicon relation similarities ───────────────────────────────────────────
export const LEXICON_SIMILARITY_EXACT = 1;
export const LEXICON_SIMILARITY_ALIAS = 1;
/** Candidate is a specialisation of the requirement (PostgreSQL for SQL): strong credit. */
export const LEXICON_SIMILARITY_CHILD = 0.9;
/** Each extra is-a hop away from the requirement costs this much. */
export const LEXICON_SIMILARITY_HOP_DECAY = 0.1;
/** Candidate is the generalisation (SQL for PostgreSQL): partial credit. */
export const LEXICON_SIMILARITY_PARENT = 0.7;
export const LEXICON_SIMILARITY_RELATED = 0.7;
/** Two skills sharing a direct parent (MySQL, PostgreSQL). */
export const LEXICON_SIMILARITY_SIBLING = 0.6;
/**
 * Two sibling disciplines: siblings whose multi-word names share their head word ("Civil Engineering" and
 * "Mechanical Engineering", "Family Law" and "Tax Law"). They are different specialisations of one field, so
 * they stay clearly below the parent's own members, which an umbrella requirement asks for (issue 10).
 */
export const LEXICON_SIMILARITY_SIBLING_DISCIPLINE = 0.35;
/**
 * A kind-of inherits its parent's related skills, a little weaker (a journeyman plumber's licence ~ pipe fitting,
 * because plumbing ~ pipe fitting): only through a direct, narrow parent, never a broad umbrella.
 */
export const LEXICON_SIMILARITY_INHERITED_RELATED = 0.55;
/**
 * Floor for two members of one broad family (a shared parent too broad for sibling credit: Python and Go
 * under "Programming Languages"); the embedding may say more. Clearly below siblings and members.
 */
export const LEXICON_SIMILARITY_COUSIN = 0.25;
/**
 * An unknown name whose head is a known skill is a kind of it ("Finish Carpentry" → Carpentry): evidence for
 * that skill keeps at least this much (one inferred hop below a lexicon child); see `kindOfSkill`.
 */
export const LEXICON_SIMILARITY_INFERRED_KIND = 0.8;
/** The inferred kind is a specialisation of the requirement (two hops, one inferred). */
export const LEXICON_SIMILARITY_INFERRED_DESCENDANT = 0.7;
/** Evidence between an inferred kind and its parent's other relations: related, weaker. */
export const LEXICON_SIMILARITY_INFERRED_RELATED = 0.5;
/** Similarity ceiling for a known false friend (Java vs JavaScript): below SIMILARITY_THRESHOLD. */
export const FALSE_FRIEND_SIMILARITY = 0.05;

// ── Embedding calibration ───────────────────────────────────────────────────
/**
 * Word-vector cosines between unrelated skills sit around 0.1–0.35, so raw cosine is rescaled:
 * s = clamp((cos − EMBEDDING_COSINE_FLOOR) / (EMBEDDING_COSINE_CEIL − floor), 0, 1)·EMBEDDING_MAX_SIMILARITY.
 * Tuned on the quality fixtures (npm run eval).
 */
export const EMBEDDING_COSINE_FLOOR = 0.25;
export const EMBEDDING_COSINE_CEIL = 0.95;
/** Embedding-only evidence never counts as near-identical; that needs the lexicon or the same name. */
export const EMBEDDING_MAX_SIMILARITY = 0.7;
/**
 * Head-disagreement guard (issue 10, class 1): two names that share only a modifier are as similar as their
 * heads, and heads agree only when their word cosine is near-synonym high. Cosine at or below the floor → 0;
 * at the ceiling → EMBEDDING_MAX_SIMILARITY. Abstract nouns sit at 0.45–0.67 (engineering~biology 0.65),
 * near-synonyms at 0.72+ (repair~maintenance 0.73).
 */
export const HEAD_AGREEMENT_COSINE_FLOOR = 0.7;
export const HEAD_AGREEMENT_COSINE_CEIL = 0.95;
/** Ceiling of a guarded pair whose heads disagree: no evidence, ordered by the heads' cosine within it. */
export const HEAD_DISAGREEMENT_SIMILARITY = 0.02;
/**
 * Similarity of two names with no other evidence whose domains agree by keywords (not General): below
 * SIMILARITY_THRESHOLD, so it is still "no evidence", but an unknown name of the required skill's field
 * ranks above one from another field instead of tying with it.
 */
export const DOMAIN_AGREEMENT_SIMILARITY = 0.03;
/**
 * Similarity kept by a word-like candidate name the lexicon does not know (`isWordLike`: no digit, two or more
 * real-looking words or one real-looking word; never junk such as "Skill 7", "asdf" or "none"; a keyword's guess
 * at its field does not matter) with no other evidence: it may be from the required skill's field, unlike a
 * skill the lexicon knows to be from another field. Below
 * DOMAIN_AGREEMENT_SIMILARITY, and at or above any guarded look-alike (< HEAD_DISAGREEMENT_SIMILARITY), so
 * a differently worded name the vectors cannot place never ranks below a name that shares only a modifier.
 */
export const UNKNOWN_FIELD_SIMILARITY = 0.02;

// ── Embedding ───────────────────────────────────────────────────────────────
export const EMBEDDING_CACHE_SIZE = 50_000;
/**
 * Raw names (with their entry and rows) a session keeps so that ranking hashes each name once per call. Rows
 * are shared with the embedding cache while it holds them; this bounds what is kept beside it (about 25 MB
 * when full). The table starts over when full, so a call with more distinct names than this resolves every
 * name again on every call: at 20,000, `npm run bench:rank` (27,000 distinct names once the lexicon had
 * 4,104 skills, 16,000 before) went from 152 to 247 ms per 20,000-candidate call. Same size as the cache.
 */
export const RAW_NAMES_KEPT = EMBEDDING_CACHE_SIZE;
/**
 * Names whose reading for the lexical rules (acronym forms, content words, the kind of an unknown name) an
 * engine keeps. A pair needs its two names' readings; new pairs come a candidate name against every required
 * name at a time, so the names in play at once are one role and one candidate: a few hundred at most.
 */
export const NAME_READINGS_KEPT = 1024;
export const WORD_VECTOR_DIM = 100;
/** SIF weight a / (a + p(w)) (Arora et al. 2017). */
export const SIF_A = 1e-3;
/**
 * Pooling weight of the head word of a multi-word name relative to its modifiers (issue 10, class 1): a
 * name is mostly its head, so "criminal law" stays far from "criminal psychology". Tuned on the quality
 * fixtures (npm run eval).
 */
export const HEAD_WORD_WEIGHT = 3;
/** Pooling weight of generic fillers ("skills", "experience"): they say nothing about which skill it is. */
export const FILLER_WORD_WEIGHT = 0.1;
export const NGRAM_MIN = 3;
export const NGRAM_MAX = 5;
export const NGRAM_SEED = 0x9e3779b9;

// ── Engine ──────────────────────────────────────────────────────────────────
export const DEFAULT_ENGINE = "optimized" as const;
export const DEFAULT_STRATEGY = "default" as const;

// ── Worker threads ──────────────────────────────────────────────────────────
/**
 * Young generation of each pool worker in MB (V8's default is 32 MB of semi-spaces per thread). Scoring
 * garbage dies young and scavenges stay cheap at this size: `rank --workers 2` over 100,000 lines peaked at
 * 319-322 MiB with 8, 307 MiB with 4 and 302-305 MiB with 2, in 17.1, 16.6-17.2 and 17.2-18.2 CPU seconds
 * (one build, load ~4). After the later per-name savings, 4 against 2 interleaved (3 runs each, load 0.4-1.1):
 * 304-305 MiB in 12.4-12.6 s of user CPU against 298 MiB in 13.0-13.3 s. The issue's budget for this run is
 * 300 MB, so the pool pays ~5 % more CPU for it.
 */
export const WORKER_YOUNG_GENERATION_MB = 2;
/**
 * Old-generation cap of each pool worker in MB. V8 sizes its collection thresholds from this cap, so a
 * worker collects before its heap balloons: `rank --workers 2` over 100,000 lines peaked at 373 MB without
 * it and about 287 MB with it (docs/performance.md). A worker's live heap is mostly its name table, at most
 * 200,000 names of about 560 B (≈ 112 MB), so the cap leaves room for the worst case.
 */
export const WORKER_OLD_GENERATION_MB = 192;
