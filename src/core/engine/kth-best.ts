/**
 * The k-th highest of the scores pushed so far (-Infinity until k have been pushed), in a binary min-heap of
 * the best k over a typed array. Ranking uses it as the bar a later candidate must clear to reach the top k.
 */
export type KthBest = {
  push(score: number): void;
  readonly value: number;
  /** Starts over, keeping the best `k` from now on; returns itself. */
  reset(k: number): KthBest;
};

/**
 * @param k how many of the best scores to keep, an integer ≥ 1
 * @example const bar = createKthBest(2); bar.push(0.5); bar.push(0.9); bar.push(0.7); bar.value // 0.7
 */
export function createKthBest(k: number): KthBest {
  return new KthBestHeap(k);
}

/**
 * A class rather than an object of closures: each new closure was a new function for V8 to optimise (and not
 * to inline) in the scoring loop that asks for `value` per candidate. Ranking keeps one per role scorer and
 * resets it per call (see role-scorer.ts).
 */
class KthBestHeap implements KthBest {
  private k: number;
  private heap: Float64Array;
  private size = 0;

  constructor(k: number) {
    this.k = k;
    this.heap = new Float64Array(k);
  }

  reset(k: number): KthBest {
    if (k > this.heap.length) this.heap = new Float64Array(k);
    this.k = k;
    this.size = 0;
    return this;
  }

  push(score: number): void {
    const { heap, k } = this;
    if (this.size < k) {
      let i = this.size++;
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
  }

  get value(): number {
    return this.size < this.k ? Number.NEGATIVE_INFINITY : this.heap[0]!;
  }
}
