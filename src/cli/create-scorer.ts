import type { Matcher } from "../matcher-types.js";
import { createPoolScorer } from "../pool/create-pool-scorer.js";
import type { ChunkScorer } from "../shards/chunk-task.js";
import { createLocalScorer } from "../shards/create-local-scorer.js";
import type { CliContext } from "./cli-context.js";
import { optionsFromEnv } from "./options-from-env.js";

/**
 * `--workers 0` (or an injected matcher factory, whose embedder cannot cross threads) scores in this
 * thread; N > 0 starts N workers, each loading the model store that `matcher.ready()` has already built.
 */
export function createScorer(ctx: CliContext, matcher: Matcher, workers: number): ChunkScorer {
  return scoresOnPool(ctx, workers) ? createCliPool(ctx, workers) : createLocalScorer(matcher);
}

/** True when `workers` threads score: N > 0 and no injected matcher factory. */
export function scoresOnPool(ctx: CliContext, workers: number): boolean {
  return workers > 0 && ctx.workerMatcherOptions !== undefined;
}

/**
 * A pool of `workers` threads with the CLI's matcher options and the environment's. The word store must
 * already be loaded in this thread: the workers share its index. `rowDim`: its dimension, when known.
 */
export function createCliPool(ctx: CliContext, workers: number, rowDim?: number): ChunkScorer {
  const options = { ...ctx.workerMatcherOptions, ...optionsFromEnv(ctx.io.env).matcher };
  return createPoolScorer(workers, options, rowDim);
}

/** Parses `--workers`: a non-negative integer. */
export function parseWorkers(raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 256)
    throw new Error(`--workers must be an integer in [0, 256], got ${JSON.stringify(raw)}`);
  return n;
}
