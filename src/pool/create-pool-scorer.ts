import { Piscina } from "piscina";
import type { MatcherOptions } from "../matcher-types.js";
import type { ChunkScorer } from "../shards/chunk-task.js";

/** Under tsx/vitest the worker is TypeScript source and goes through a tsx bootstrap; built code runs plain JS. */
const FROM_SOURCE = import.meta.url.endsWith(".ts");
const WORKER_URL = new URL(FROM_SOURCE ? "./source-worker.mjs" : "./match-worker.js", import.meta.url);

/**
 * Scores chunks on `threads` worker threads, each holding its own matcher (one model copy per worker).
 * `matcherOptions` must be structured-cloneable: no embedder instance or callbacks.
 */
export function createPoolScorer(threads: number, matcherOptions: MatcherOptions): ChunkScorer {
  const pool = new Piscina({
    filename: WORKER_URL.href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Number.POSITIVE_INFINITY,
    workerData: { matcherOptions },
  });
  return {
    full: (task) => pool.run(task, { name: "full" }),
    summary: (task) => pool.run(task, { name: "summary" }),
    // One task per thread: with minThreads = maxThreads and all tasks queued at once, each thread takes one.
    async warm() {
      await Promise.all(Array.from({ length: threads }, () => pool.run(undefined, { name: "warm" })));
    },
    parallelism: threads,
    async close() {
      await pool.destroy();
    },
  };
}
