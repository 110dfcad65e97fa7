/** An attention mask as tokenizers return it: int64 (`BigInt64Array`) or a plain numeric array. */
export type AttentionMask = ArrayLike<bigint> | ArrayLike<number>;

/** Norm floor below which a pooled row is left as zeros, as in PyTorch `F.normalize(eps = 1e-12)`. */
const NORM_EPS = 1e-12;

/**
 * Mean-pools sequence `b` of a `[batch, seq, dim]` hidden-state tensor over the positions where `mask` is
 * non-zero, then L2-normalises it into `out[outOffset .. outOffset + dim)` (sentence-transformers
 * all-MiniLM-L6-v2: `Pooling(mean)` then `Normalize`). Padding positions (mask 0) do not contribute.
 * A sequence with an all-zero mask, or a zero mean, yields a zero row.
 *
 * @param hidden row-major `[batch, seq, dim]` hidden states
 * @param mask row-major `[batch, seq]` attention mask
 * @param b sequence index, `0 <= b < batch`
 * @param seq padded sequence length
 * @param dim hidden size
 * @param out destination buffer
 * @param outOffset first element written in `out`
 * @returns `out`
 * @example meanPoolRow(hidden, mask, 1, 5, 384, out, 384) // row 1 of a 2-row output
 */
export function meanPoolRow(
  hidden: Float32Array,
  mask: AttentionMask,
  b: number,
  seq: number,
  dim: number,
  out: Float32Array,
  outOffset: number,
): Float32Array {
  out.fill(0, outOffset, outOffset + dim);
  let count = 0;
  for (let t = 0; t < seq; t++) {
    if (Number(mask[b * seq + t]) === 0) continue;
    count++;
    const base = (b * seq + t) * dim;
    for (let d = 0; d < dim; d++)
      out[outOffset + d] = (out[outOffset + d] as number) + (hidden[base + d] as number);
  }
  if (count === 0) return out;
  let sumSq = 0;
  for (let d = 0; d < dim; d++) {
    const v = (out[outOffset + d] as number) / count;
    out[outOffset + d] = v;
    sumSq += v * v;
  }
  const norm = Math.sqrt(sumSq);
  if (norm < NORM_EPS) {
    out.fill(0, outOffset, outOffset + dim);
    return out;
  }
  for (let d = 0; d < dim; d++) out[outOffset + d] = (out[outOffset + d] as number) / norm;
  return out;
}
