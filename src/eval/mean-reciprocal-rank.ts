import { meanOfDefined } from "./mean-of-defined.js";
import { reciprocalRank } from "./reciprocal-rank.js";
import type { RankedItem } from "./types.js";

/**
 * Mean reciprocal rank over ranked lists: the mean of `reciprocalRank` of each non-empty list.
 *
 * @returns a value in (0,1], or NaN when there is no non-empty list
 * @example meanReciprocalRank([[{ score: 1, grade: 3 }], [{ score: 1, grade: 0 }, { score: 0.5, grade: 2 }]]) // 0.75
 */
export function meanReciprocalRank(lists: readonly (readonly RankedItem[])[]): number {
  return meanOfDefined(lists.map(reciprocalRank));
}
