/**
 * The ports between the pure core and the outside world. Types only.
 */

/** Turns skill names into unit vectors. Deterministic: the same names give the same bits. */
export interface Embedder {
  /** Stable id stamped into results, e.g. `"wink-sg-100d@1.1.0+q8"`. */
  readonly id: string;
  /** Vector length. */
  readonly dim: number;
  /**
   * Embeds `names` (already normalised) into a `names.length × dim` row-major Float32Array.
   * Rows have unit L2 norm, or are all zero when a name has no usable content.
   */
  embed(names: readonly string[]): Promise<Float32Array>;
  /** Releases the model. Further `embed` calls reject with CLOSED. */
  close(): Promise<void>;
}

/** A cache of embedding rows keyed by `(model id, normalised name)`. */
export interface EmbeddingCache {
  get(key: string): Float32Array | undefined;
  /**
   * Stores `row` under `key`. A cache that keeps its own copy (the shared cache writes rows into shared
   * memory) returns that copy, so the caller can hold it and let its own row go; otherwise nothing.
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: `void` keeps caches that return nothing (as before) valid.
  set(key: string, row: Float32Array): Float32Array | undefined | void;
  readonly size: number;
  /** Hit and miss counters since creation. */
  stats(): { readonly hits: number; readonly misses: number; readonly size: number };
  clear(): void;
}
