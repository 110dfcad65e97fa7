/**
 * Indices of the `k` highest scores, best first; equal scores keep index order. A bounded insertion list
 * when k is small next to n (ranking usually asks for a short top), else a full sort.
 *
 * @example topIndices(Float64Array.of(0.2, 0.9, 0.9, 0.5), 2) // [1, 2]
 */
export function topIndices(scores: Float64Array, k: number): number[] {
  const n = scores.length;
  if (k * 8 >= n) {
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => scores[b]! - scores[a]! || a - b);
    return order.length > k ? order.slice(0, k) : order;
  }
  const top: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = scores[i]!;
    if (top.length === k && !(s > scores[top[k - 1]!]!)) continue;
    let m = top.length < k ? top.length : k - 1;
    while (m > 0 && scores[top[m - 1]!]! < s) {
      top[m] = top[m - 1]!;
      m--;
    }
    top[m] = i;
  }
  return top;
}
