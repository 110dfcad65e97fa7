/**
 * The k-th highest of the scores pushed so far (-Infinity until k have been pushed), in a binary min-heap of
 * the best k over a typed array. Ranking uses it as the bar a later candidate must clear to reach the top k.
 */
export type KthBest = {
  push(score: number): void;
  readonly value: number;
};

/**
 * @param k how many of the best scores to keep, an integer ≥ 1
 * @example const bar = createKthBest(2); bar.push(0.5); bar.push(0.9); bar.push(0.7); bar.value // 0.7
 */
export function createKthBest(k: number): KthBest {
  const heap = new Float64Array(k);
  let size = 0;
  return {
    push(score) {
      if (size < k) {
        let i = size++;
        while (i > 0) {
          const parent = (i - 1) >> 1;
          if (heap[parent]! <= score) break;
          heap[i] = heap[parent]!;
          i = parent;
        }
        heap[i] = score;
        return;
      }
      if (score <= heap[0]!) return;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= k) break;
        const m = l + 1 < k && heap[l + 1]! < heap[l]! ? l + 1 : l;
        if (heap[m]! >= score) break;
        heap[i] = heap[m]!;
        i = m;
      }
      heap[i] = score;
    },
    get value() {
      return size < k ? Number.NEGATIVE_INFINITY : heap[0]!;
    },
  };
}
