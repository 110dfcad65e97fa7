import { RELATION_EXACT } from "../lexicon/lexicon-relation.js";

/**
 * True when a pair (score `p`, similarity `e`, relation `code`) is better evidence than the best so far:
 * a higher score, then on equal scores the more similar skill, then the exact name. So the explanation
 * names the exact skill whenever it is listed (Go 0/5 next to Cooking 5/5; Go next to Golang).
 */
export function beatsBest(
  p: number,
  e: number,
  code: number,
  bestScore: number,
  bestSim: number,
  bestCode: number,
): boolean {
  if (p !== bestScore) return p > bestScore;
  if (e !== bestSim) return e > bestSim;
  return code === RELATION_EXACT && bestCode !== RELATION_EXACT;
}
