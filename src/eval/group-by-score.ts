import type { RankedItem } from "./types.js";

/**
 * Sorts items by score, highest first, and groups equal scores. The rank metrics treat each group as tied:
 * every order inside a group is equally likely.
 *
 * Precondition: scores are not NaN.
 * @example groupByScore([{ score: 1, grade: 0 }, { score: 2, grade: 1 }, { score: 1, grade: 3 }]).map((g) => g.length) // [1, 2]
 */
export function groupByScore<T extends RankedItem>(items: readonly T[]): T[][] {
  const sorted = [...items].sort((a, b) => b.score - a.score);
  const groups: T[][] = [];
  let current: T[] = [];
  for (const item of sorted) {
    if (current.length > 0 && current[0]?.score !== item.score) {
      groups.push(current);
      current = [];
    }
    current.push(item);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
