import { describe, expect, it } from "vitest";
import { addNgramVector } from "./add-ngram-vector.js";
import { createNgramCache } from "./create-ngram-cache.js";

const DIM = 100;

function direct(tokens: readonly string[], weight: number): Float32Array {
  const out = new Float32Array(DIM);
  const scratch = new Float32Array(DIM);
  for (const token of tokens) addNgramVector(token, weight, DIM, out, scratch);
  return out;
}

describe("createNgramCache", () => {
  it("adds the same bits as addNgramVector, for new, repeated, evicted and over-long tokens", () => {
    const cache = createNgramCache(DIM, 3);
    const tokens = ["zorblax", "953", "zorblax", "a", "日本語", "953", "x".repeat(65), "quantic", "zorblax"];
    for (const weight of [1, 0.35, 2.5]) {
      const out = new Float32Array(DIM);
      for (const token of tokens) cache(token, weight, out);
      expect(out).toEqual(direct(tokens, weight));
    }
  });

  it("keeps each slot's token: a cache past its size still gives every token its own vector", () => {
    const cache = createNgramCache(DIM, 2);
    for (let round = 0; round < 3; round++)
      for (const token of ["alpha", "beta", "gamma", "delta", "alpha"]) {
        const out = new Float32Array(DIM);
        cache(token, 1, out);
        expect(out).toEqual(direct([token], 1));
      }
  });
});
