import { groupByScore } from "./group-by-score.js";
import type { RankedItem } from "./types.js";

/**
 * Reciprocal of the rank (1-based, by score, highest first) of the first item holding the list's top grade.
 * Ties in score are resolved by expectation over all orders of the tied group (McSherry & Najork, 2008): a
 * top item tied with one lower item at rank 1 gives (1 + 1/2) / 2 = 0.75.
 *
 * @returns a value in (0,1], or NaN for an empty list
 * @example reciprocalRank([{ score: 0.9, grade: 0 }, { score: 0.5, grade: 3 }]) // 0.5
 */
export function reciprocalRank(items: readonly RankedItem[]): number {
  if (items.length === 0) return Number.NaN;
  let top = Number.NEGATIVE_INFINITY;
  for (const item of items) top = Math.max(top, item.grade);
  let before = 0;
  for (const group of groupByScore(items)) {
    const n = group.length;
    const k = group.filter((item) => item.grade === top).length;
    if (k === 0) {
      before += n;
      continue;
    }
    // P(first top item at offset i) = Π_{t<i-1} (n-k-t)/(n-t) · k/(n-i+1)
    let expected = 0;
    let noTopYet = 1;
    for (let i = 1; i <= n - k + 1; i += 1) {
      expected += (noTopYet * (k / (n - i + 1))) / (before + i);
      noTopYet *= (n - k - i + 1) / (n - i + 1);
    }
    return expected;
  }
  return Number.NaN;
}
