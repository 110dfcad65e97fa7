import { CompetencyError } from "../../errors.js";
import type { Embedder } from "../../ports.js";

/**
 * A deterministic embedder for unit tests: each name maps to a pseudo-random unit vector seeded by a hash of
 * the name, so identical names give identical rows and different names are nearly orthogonal in high `dim`.
 *
 * @param dim vector length @default 16
 */
export function createFakeEmbedder(dim = 16): Embedder {
  let closed = false;
  return {
    id: `fake-${dim}`,
    dim,
    async embed(names) {
      if (closed) throw new CompetencyError("CLOSED");
      const out = new Float32Array(names.length * dim);
      for (let i = 0; i < names.length; i++) {
        const name = names[i] as string;
        if (name.length === 0) continue;
        let h = 0x811c9dc5;
        for (let k = 0; k < name.length; k++) h = Math.imul(h ^ name.charCodeAt(k), 0x01000193) >>> 0;
        let norm = 0;
        for (let k = 0; k < dim; k++) {
          // xorshift32: cheap, deterministic, no Math.random
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
