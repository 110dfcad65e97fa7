import { CompetencyError } from "../../errors.js";
import type { Embedder } from "../../ports.js";

/**
 * Creates a deterministic embedder for unit tests: each name maps to a pseudo-random unit vector seeded by
 * an FNV-1a hash of the name (xorshift32 stream), so identical names give identical rows and different
 * names are nearly orthogonal in high `dim`. The empty name gives an all-zero row. No model, no I/O.
 *
 * @param dim vector length, an integer ≥ 1 @default 16
 * @throws CompetencyError INVALID_CONFIG when `dim` is not an integer ≥ 1
 * @example const rows = await createFakeEmbedder(8).embed(["python"]) // Float32Array(8), unit length
 */
export function createFakeEmbedder(dim = 16): Embedder {
  if (!(Number.isInteger(dim) && dim >= 1)) {
    throw new CompetencyError("INVALID_CONFIG", `fake embedder dim must be an integer >= 1, got ${dim}`);
  }
  let closed = false;
  return {
    id: `fake-${dim}`,
    dim,
    async embed(names) {
      if (closed) throw new CompetencyError("CLOSED", "the fake embedder was closed");
      const out = new Float32Array(names.length * dim);
      for (let i = 0; i < names.length; i++) {
        const name = names[i] as string;
        if (name.length === 0) continue;
        let h = 0x811c9dc5;
        for (let k = 0; k < name.length; k++) h = Math.imul(h ^ name.charCodeAt(k), 0x01000193) >>> 0;
        // xorshift32 never leaves state 0; any fixed non-zero seed keeps the row deterministic.
        if (h === 0) h = 0x9e3779b9;
        let norm = 0;
        for (let k = 0; k < dim; k++) {
          h ^= h << 13;
          h >>>= 0;
          h ^= h >>> 17;
          h ^= h << 5;
          h >>>= 0;
          const v = h / 0xffffffff - 0.5;
          out[i * dim + k] = v;
          norm += v * v;
        }
        const scale = 1 / Math.sqrt(norm);
        for (let k = 0; k < dim; k++) out[i * dim + k] = (out[i * dim + k] as number) * scale;
      }
      return out;
    },
    async close() {
      closed = true;
    },
  };
}
