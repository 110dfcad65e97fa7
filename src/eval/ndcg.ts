import { groupByScore } from "./group-by-score.js";
import type { RankedItem } from "./types.js";

/** Graded relevance gain of one item. */
function gain(grade: number): number {
  return 2 ** grade - 1;
}

/** Discount of a 1-based rank. */
function discount(rank: number): number {
  return 1 / Math.log2(rank + 1);
}

/**
 * Normalised discounted cumulative gain over the whole list (nDCG@all): gain 2^grade − 1, discount
 * 1 / log2(rank + 1), divided by the DCG of the list sorted by grade. Items tied in score share their
 * group's mean gain at each of the group's ranks (the expectation over all orders of the group).
 *
 * @returns a value in [0,1], or NaN for an empty list or when every grade is 0 (ideal DCG is 0)
 * @example ndcg([{ score: 0.9, grade: 3 }, { score: 0.1, grade: 0 }]) // 1
 */
export function ndcg(items: readonly RankedItem[]): number {
  let dcg = 0;
  let rank = 1;
  for (const group of groupByScore(items)) {
    let groupGain = 0;
    for (const item of group) groupGain += gain(item.grade);
    const meanGain = groupGain / group.length;
    for (const _ of group) {
      dcg += meanGain * discount(rank);
      rank += 1;
    }
  }
  const ideal = items.map((item) => gain(item.grade)).sort((a, b) => b - a);
  let idcg = 0;
  ideal.forEach((g, i) => {
    idcg += g * discount(i + 1);
  });
  return idcg === 0 ? Number.NaN : dcg / idcg;
}
