import type { RankedItem } from "./types.js";

/**
 * Fraction of pairs with different grades that the scores order the same way as the grades. A pair whose
 * scores are equal counts 0.5. Pairs with equal grades are skipped.
 *
 * @returns a value in [0,1], or NaN when no two items have different grades (including size 0 and 1)
 * @example pairwiseAccuracy([{ score: 0.9, grade: 3 }, { score: 0.2, grade: 0 }]) // 1
 */
export function pairwiseAccuracy(items: readonly RankedItem[]): number {
  let credit = 0;
  let pairs = 0;
  items.forEach((a, i) => {
    for (const b of items.slice(i + 1)) {
      if (a.grade === b.grade) continue;
      pairs += 1;
      if (a.score === b.score) credit += 0.5;
      else if (a.score > b.score === a.grade > b.grade) credit += 1;
    }
  });
  return pairs === 0 ? Number.NaN : credit / pairs;
}
