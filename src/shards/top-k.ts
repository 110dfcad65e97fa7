/** An entry ordered by score (higher first), ties broken by input position (earlier first). */
export type Ranked<T> = { readonly score: number; readonly index: number; readonly value: T };

/** True when `a` ranks below `b`. */
function worse<T>(a: Ranked<T>, b: Ranked<T>): boolean {
  return a.score < b.score || (a.score === b.score && a.index > b.index);
}

/**
 * Keeps the best `limit` entries seen so far in a binary min-heap (worst at the root), so ranking a
 * stream of any length holds at most `limit` entries. `limit` Infinity keeps everything.
 */
export function createTopK<T>(limit: number): {
  push(entry: Ranked<T>): void;
  sorted(): Ranked<T>[];
  readonly size: number;
  /** The score a later entry must beat to get in: the worst kept score once full, else -Infinity. */
  readonly bar: number;
} {
  const heap: Ranked<T>[] = [];
  const swap = (i: number, j: number): void => {
    const t = heap[i] as Ranked<T>;
    heap[i] = heap[j] as Ranked<T>;
    heap[j] = t;
  };
  const up = (start: number): void => {
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(heap[i] as Ranked<T>, heap[parent] as Ranked<T>)) return;
      swap(i, parent);
      i = parent;
    }
  };
  const down = (): void => {
    let i = 0;
    const n = heap.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && worse(heap[l] as Ranked<T>, heap[m] as Ranked<T>)) m = l;
      if (r < n && worse(heap[r] as Ranked<T>, heap[m] as Ranked<T>)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  return {
    push(entry) {
      if (!Number.isFinite(limit)) {
        heap.push(entry);
        return;
      }
      if (heap.length < limit) {
        heap.push(entry);
        up(heap.length - 1);
      } else if (limit > 0 && worse(heap[0] as Ranked<T>, entry)) {
        heap[0] = entry;
        down();
      }
    },
    sorted() {
      return heap.slice().sort((a, b) => b.score - a.score || a.index - b.index);
    },
    get size() {
      return heap.length;
    },
    get bar() {
      return heap.length >= limit && limit > 0 ? (heap[0] as Ranked<T>).score : Number.NEGATIVE_INFINITY;
    },
  };
}
