import type { Matcher } from "../matcher-types.js";
import type { ChunkScorer } from "./chunk-task.js";
import { rankChunk, rankParsedChunk } from "./rank-chunk.js";
import { rankByteChunk, rankLineChunk } from "./rank-line-chunk.js";
import { scoreChunk, summarizeChunk } from "./score-chunk.js";

/** Scores chunks on the calling thread with the given matcher (which the caller owns and closes). */
export function createLocalScorer(matcher: Matcher): ChunkScorer {
  return {
    rank: (task) => rankChunk(matcher, task),
    rankLines: (task) => rankLineChunk(matcher, task),
    rankBytes: (task) => rankByteChunk(matcher, task),
    rankParsed: (task) => rankParsedChunk(matcher, task),
    full: (task) => scoreChunk(matcher, task),
    summary: (task) => summarizeChunk(matcher, task),
    warm: () => matcher.ready(),
    parallelism: 1,
    async close() {},
    threadUse: () => [],
  };
}
