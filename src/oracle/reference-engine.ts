import { betaCdf } from "../core/beta/beta-cdf.js";
import { betaMean } from "../core/beta/beta-mean.js";
import { betaQuantile } from "../core/beta/beta-quantile.js";
import { betaAlpha, betaBeta } from "../core/beta/beta-shape.js";
import { betaVariance } from "../core/beta/beta-variance.js";
import { gridQuantile } from "../core/beta/grid-quantile.js";
import { assembleResult } from "../core/engine/assemble-result.js";
import { batchSide } from "../core/engine/batch-side.js";
import { canonicalOrder } from "../core/engine/canonical-order.js";
import { createSkillNumbers } from "../core/engine/create-skill-numbers.js";
import type {
  Engine,
  EngineContext,
  EngineInput,
  EngineOptions,
  EvidenceContext,
  SkillNumbers,
} from "../core/engine/engine-types.js";
import { requiredTie } from "../core/engine/required-tie.js";
import { RELATION_ALIAS, RELATION_EXACT } from "../core/lexicon/lexicon-relation.js";
import { beatsBest } from "../core/scoring/beats-best.js";
import { embeddingEvidence } from "../core/scoring/embedding-evidence.js";
import { levelRatio } from "../core/scoring/level-ratio.js";
import { lexicalSimilarity, RELATION_EMBEDDING } from "../core/scoring/lexical-similarity.js";
import { isDirectEvidence } from "../core/scoring/must-have.js";
import { freshNameReadings } from "../core/scoring/name-readings.js";
import { pairScore } from "../core/scoring/pair-score.js";
import { sharesOnlyModifier } from "../core/text/head-words.js";
import { isWordLike } from "../core/text/word-like.js";
import type { Strategy } from "../core/types.js";

const NO_META = { engine: "reference", embedder: "", lexiconVersion: "", configHash: "" } as const;

type PairEntry = { similarity: number; relation: number; score: number; direct: boolean };
type Component = { weight: number; alpha: number; beta: number };

/**
 * The reference engine: plain code in upstream's shape (nested `number[][]` vectors and matrices, a Map
 * entry per pair, a component list per skill, CDFs evaluated directly). It is the oracle the optimized
 * engine must match to 1e-9, so clarity beats speed here.
 */
export function createReferenceEngine(engineContext: EngineContext): Engine {
  const ctx: EvidenceContext = { ...engineContext, readings: freshNameReadings(engineContext.lexicon) };
  const overall = (input: EngineInput, strategy: Strategy): number => {
    const options = { strategy, include: [], meta: NO_META };
    return assembleResult(input, numbersReference(ctx, input, options, true), options, ctx.config)
      .overallScore;
  };
  return {
    name: "reference",
    score: (input, options) =>
      assembleResult(input, numbersReference(ctx, input, options, true), options, ctx.config),
    overall,
    numbers: (input, options, withIntervals) => numbersReference(ctx, input, options, withIntervals),
    roleScorer: (required, dim, strategy) => (batch, from, to, _topK, out, _above) => {
      for (let k = from; k < to; k++)
        out[k - from] = overall({ candidate: batchSide(batch, k), required, dim }, strategy);
    },
  };
}

function numbersReference(
  ctx: EvidenceContext,
  input: EngineInput,
  options: EngineOptions,
  withIntervals: boolean,
): SkillNumbers {
  const { candidate, required } = input;
  const c = ctx.config;
  const nc = candidate.names.length;
  const nr = required.names.length;
  const aggressive = options.strategy === "aggressive";
  const conservative = options.strategy === "conservative";
  const candVecs: number[][] = candidate.rows.map((row) => Array.from(row));
  const reqVecs: number[][] = required.rows.map((row) => Array.from(row));
  const candOrder = Array.from(canonicalOrder(candidate.norms, candidate.names, candidate.ratios));
  const reqOrder = canonicalOrder(required.norms, required.names, required.ratios, requiredTie(required));

  // Similarity matrix and per-pair entries, the way upstream builds them.
  const similarity: number[][] = [];
  const pairs = new Map<string, PairEntry>();
  const out = new Float64Array(1);
  for (let i = 0; i < nr; i++) {
    const row: number[] = [];
    const t = required.ratios[i] as number;
    for (let j = 0; j < nc; j++) {
      let relation = lexicalSimilarity(
        ctx.lexicon,
        candidate.lexIndex[j] as number,
        required.lexIndex[i] as number,
        candidate.norms[j] as string,
        required.norms[i] as string,
        c,
        ctx.readings,
        out,
      );
      // Curated lexicon relations already know the domains; only embedding evidence pays the penalty and
      // the head-disagreement guard. Embedding evidence keeps the lexical floor (a broad family) when the
      // cosine says less.
      let e = out[0] as number;
      if (relation === RELATION_EMBEDDING) {
        const modifierOnly = sharesOnlyModifier(candidate.heads[j]!, required.heads[i]!);
        const headCos = modifierOnly
          ? cosine(Array.from(candidate.headRows[j]!), Array.from(required.headRows[i]!))
          : 0;
        const fromVectors = embeddingEvidence(
          cosine(candVecs[j] as number[], reqVecs[i] as number[]),
          modifierOnly,
          headCos,
          candidate.domains[j]!,
          required.domains[i]!,
          c,
          (candidate.lexIndex[j] as number) < 0 && isWordLike(candidate.norms[j] as string),
        );
        e = Math.max(e, fromVectors);
      }
      const near = relation === RELATION_EXACT || relation === RELATION_ALIAS || e > c.nearIdenticalThreshold;
      // Conservative reads the candidate's level at the lower quartile of its Beta.
      const r = conservative
        ? shapeQuantile(c.conservativeLevelQuantile, candidate.ratios[j]!, c.betaConcentration)
        : candidate.ratios[j]!;
      const exceed = t > 0 ? 1 - shapeCdf(t, r, c.betaConcentration) : 1;
      const score = pairScore(e, near, levelRatio(r, t), exceed, r, aggressive, c);
      const direct = isDirectEvidence(relation, e, c);
      if (relation === RELATION_EMBEDDING && e < c.similarityThreshold) relation = 0;
      row.push(e);
      pairs.set(`${i}:${j}`, { similarity: e, relation, score, direct });
    }
    similarity.push(row);
  }

  const numbers = createSkillNumbers(nr, nc, reqOrder, options.include);

  for (let i = 0; i < nr; i++) {
    // Best evidence: the highest pair score, ties to the more similar skill; the most similar skill decides
    // domain agreement; a must-have counts direct evidence only.
    let best = -1;
    let mostSimilar = -1;
    let direct = 0;
    for (const j of candOrder) {
      const p = pairs.get(`${i}:${j}`) as PairEntry;
      const held = best === -1 ? null : (pairs.get(`${i}:${best}`) as PairEntry);
      if (
        held === null ||
        beatsBest(p.score, p.similarity, p.relation, held.score, held.similarity, held.relation)
      )
        best = j;
      if (p.direct && p.score > direct) direct = p.score;
      if (mostSimilar === -1 || p.similarity > (similarity[i]?.[mostSimilar] as number)) mostSimilar = j;
      if (numbers.similarities) numbers.similarities[i * nc + j] = p.similarity;
      if (numbers.pairScores) numbers.pairScores[i * nc + j] = p.score;
    }
    const bestEntry = pairs.get(`${i}:${best}`) as PairEntry;
    const maxSim = similarity[i]?.[mostSimilar] as number;
    numbers.best[i] = best;
    numbers.score[i] = bestEntry.score;
    numbers.bestSimilarity[i] = bestEntry.similarity;
    numbers.direct[i] = direct;
    numbers.bestRelation[i] = bestEntry.relation;
    numbers.maxSimilarity[i] = maxSim;
    numbers.domainAgrees[i] =
      maxSim >= c.similarityThreshold && candidate.domains[mostSimilar] === required.domains[i] ? 1 : 0;
    if (!withIntervals) continue;

    // The mixture: related candidate skills weighted by similarity^γ, or the best evidence alone.
    const components: Component[] = [];
    for (const j of candOrder) {
      const e = similarity[i]?.[j] as number;
      if (e >= c.similarityThreshold)
        components.push(
          component(e ** c.mixtureSimilarityExponent, candidate.ratios[j]!, c.betaConcentration),
        );
    }
    if (components.length === 0) components.push(component(1, candidate.ratios[best]!, c.betaConcentration));
    const total = components.reduce((sum, k) => sum + k.weight, 0);
    for (const k of components) k.weight /= total;

    let mean = 0;
    let second = 0;
    for (const k of components) {
      const mu = betaMean(k.alpha, k.beta);
      mean += k.weight * mu;
      second += k.weight * (betaVariance(k.alpha, k.beta) + mu * mu);
    }
    const varX = Math.max(0, second - mean * mean);
    const grid = c.quantileGridSize;
    const mixtureCdf = (k: number) =>
      components.reduce((sum, m) => sum + m.weight * betaCdf(k / grid, m.alpha, m.beta), 0);
    const qLow = gridQuantile(c.intervalLowerQuantile, grid, mixtureCdf);
    const qHigh = gridQuantile(c.intervalUpperQuantile, grid, mixtureCdf);
    const score = bestEntry.score;
    numbers.variance[i] = (score * score * varX) / (mean * mean);
    numbers.lower[i] = Math.min(score, (score * qLow) / mean);
    numbers.upper[i] = Math.max(score, Math.min(1, (score * qHigh) / mean));
  }
  return numbers;
}

function cosine(a: number[], b: number[]): number {
  let sum = 0;
  for (let k = 0; k < a.length; k++) sum += (a[k] as number) * (b[k] as number);
  return sum;
}

function shapeCdf(x: number, ratio: number, concentration: number): number {
  return betaCdf(x, betaAlpha(ratio, concentration), betaBeta(ratio, concentration));
}

function shapeQuantile(p: number, ratio: number, concentration: number): number {
  return betaQuantile(p, betaAlpha(ratio, concentration), betaBeta(ratio, concentration));
}

function component(weight: number, ratio: number, concentration: number): Component {
  return { weight, alpha: betaAlpha(ratio, concentration), beta: betaBeta(ratio, concentration) };
}
