import { NGRAM_MAX, NGRAM_MIN, NGRAM_SEED } from "../../../defaults.js";

const BOW = 0x3c; // "<"
const EOW = 0x3e; // ">"

/**
 * Writes the sum of the pseudo-random ±1 vectors of the hashed character n-grams of `<token>` into
 * `out[0..dim)` (n = NGRAM_MIN..NGRAM_MAX, UTF-16 code units, fastText-style boundary marks) and returns its
 * squared length. Each n-gram is hashed (FNV-1a 32, seeded with NGRAM_SEED) into the seed of a mulberry32
 * stream. Every entry is an integer, so the sum is exact in any float type and its squared length is exact.
 *
 * @param token non-empty token
 * @param out buffer of at least `dim` entries, overwritten
 * @returns the squared L2 norm of the sum (0 only for an empty token)
 * @example ngramCounts("kubectlx", 100, out)
 */
export function ngramCounts(token: string, dim: number, out: Float32Array | Int16Array): number {
  out.fill(0, 0, dim);
  const padded = token.length + 2;
  for (let n = NGRAM_MIN; n <= NGRAM_MAX; n++) {
    // Tokens shorter than NGRAM_MIN − 2 still get one gram: the whole padded token.
    const width = Math.min(n, padded);
    if (n > NGRAM_MIN && width < n) break;
    for (let start = 0; start + width <= padded; start++) {
      let h = (0x811c9dc5 ^ NGRAM_SEED) >>> 0;
      for (let k = start; k < start + width; k++) {
        const c = k === 0 ? BOW : k === padded - 1 ? EOW : token.charCodeAt(k - 1);
        h = Math.imul(h ^ (c & 0xff), 0x01000193);
        h = Math.imul(h ^ (c >>> 8), 0x01000193);
      }
      let bits = 0;
      for (let d = 0; d < dim; d++) {
        if ((d & 31) === 0) {
          // mulberry32 step: a well-mixed 32-bit output per 32 dimensions
          h = (h + 0x6d2b79f5) | 0;
          let t = Math.imul(h ^ (h >>> 15), h | 1);
          t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
          bits = t ^ (t >>> 14);
        }
        out[d] = (out[d] as number) + ((bits >>> (d & 31)) & 1 ? 1 : -1);
      }
    }
  }
  let sumSq = 0;
  for (let d = 0; d < dim; d++) sumSq += (out[d] as number) ** 2;
  return sumSq;
}

/**
 * Adds `weight · counts / √sumSq` to `out[0..dim)`: the unit n-gram vector of a token from its
 * `ngramCounts`. Nothing is added when `sumSq` is 0.
 */
export function addScaledCounts(
  counts: Float32Array | Int16Array,
  from: number,
  sumSq: number,
  weight: number,
  dim: number,
  out: Float32Array,
): void {
  if (sumSq === 0) return;
  const scale = weight / Math.sqrt(sumSq);
  for (let d = 0; d < dim; d++) out[d] = (out[d] as number) + (counts[from + d] as number) * scale;
}

/**
 * Adds `weight · v` to `out[0..dim)`, where v is the unit vector of the hashed character n-grams of
 * `<token>` (see `ngramCounts`), so tokens sharing many n-grams get close vectors while unrelated ones are
 * near orthogonal (expected cosine 0, sd 1/√dim). Deterministic across runs and platforms.
 *
 * @param token non-empty token
 * @param scratch caller-owned buffer of at least `dim` entries, overwritten
 * @example addNgramVector("kubectlx", 1, 100, out, scratch)
 */
export function addNgramVector(
  token: string,
  weight: number,
  dim: number,
  out: Float32Array,
  scratch: Float32Array,
): void {
  addScaledCounts(scratch, 0, ngramCounts(token, dim, scratch), weight, dim, out);
}
