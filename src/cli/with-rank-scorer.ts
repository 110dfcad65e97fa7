import type { RequiredSkill } from "../core/types.js";
import { loadDefaultEmbedder } from "../matcher/load-default-embedder.js";
import type { ChunkScorer } from "../shards/chunk-task.js";
import { createLocalScorer } from "../shards/create-local-scorer.js";
import type { CliContext } from "./cli-context.js";
import { createCliPool, scoresOnPool } from "./create-scorer.js";
import { optionsFromEnv } from "./options-from-env.js";
import { progressListener } from "./progress.js";
import { withMatcher } from "./with-matcher.js";

/**
 * Runs `fn` with the scorer of `rank`: this thread's matcher for `--workers 0` (or an injected matcher
 * factory, whose embedder cannot cross threads), else a pool of `workers` threads.
 *
 * The pool path creates no matcher in this thread: the workers hold theirs, and this thread only loads the
 * word store (building it on the first run, with progress) whose index the workers share. So the thread
 * that reads and parses the lines loads no lexicon, name table or engine of its own (16 MB of RSS in a
 * probe of the library; the peak of `rank --workers 2` over 100,000 lines moved from 305–307 to 302–306 MiB,
 * since the workers hold most of it). `role` must already have passed `validateSkillFile`, which checks it
 * strictly with the matcher's default limits, the ones the workers use.
 */
export async function withRankScorer<T>(
  ctx: CliContext,
  workers: number,
  role: readonly RequiredSkill[],
  fn: (scorer: ChunkScorer) => Promise<T>,
): Promise<T> {
  if (!scoresOnPool(ctx, workers))
    return withMatcher(ctx, async (matcher) => {
      await matcher.rank([], role); // validates the role once, before any candidate is read
      return fn(createLocalScorer(matcher));
    });
  const { cacheDir } = optionsFromEnv(ctx.io.env).matcher;
  const embedder = await loadDefaultEmbedder(cacheDir, progressListener(ctx.io));
  try {
    const scorer = createCliPool(ctx, workers, embedder.dim);
    try {
      return await fn(scorer);
    } finally {
      await scorer.close();
    }
  } finally {
    await embedder.close();
  }
}
