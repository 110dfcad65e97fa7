import { tmpdir } from "node:os";
import { join } from "node:path";
import { createFakeEmbedder } from "../../src/adapters/embedder/fake.js";
import type { EngineName, Matcher } from "../../src/index.js";
import { createMatcher } from "../../src/index.js";

/** Where tests keep the real model store, so it is built once per machine, not per test file. */
export const TEST_CACHE_DIR = process.env.COMPETENCY_CACHE_DIR ?? join(tmpdir(), "competency-api-test-cache");

/** A matcher over the real lexicon and a deterministic fake embedder: fast, for generic properties. */
export function fakeMatcher(engine: EngineName = "optimized"): Matcher {
  return createMatcher({ engine, embedder: createFakeEmbedder(16) });
}

/** A matcher over the real default model (built into TEST_CACHE_DIR on first use). */
export function realMatcher(engine: EngineName = "optimized"): Matcher {
  return createMatcher({ engine, cacheDir: TEST_CACHE_DIR });
}
