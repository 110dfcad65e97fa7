import { RELATION_ALIAS, RELATION_CHILD, RELATION_EXACT } from "../lexicon/lexicon-relation.js";
import type { ScoringConfig } from "./scoring-config.js";

/**
 * True when a pair is direct evidence for the required skill: the same name, an alias, a kind-of the
 * requirement (lexicon is-a child; a part-of child, RELATION_PART, is not: Triage is part of Nursing, not a
 * nursing licence), or near-identical similarity. Only direct evidence can meet a `mustHave`
 * requirement: a licence is yes-or-no, so a related skill never stands in for it (SPEC §2 property 10).
 *
 * @param code RELATION_* code of the pair
 * @param similarity effective similarity of the pair
 */
export function isDirectEvidence(code: number, similarity: number, c: ScoringConfig): boolean {
  return (
    code === RELATION_EXACT ||
    code === RELATION_ALIAS ||
    code === RELATION_CHILD ||
    similarity > c.nearIdenticalThreshold
  );
}

/**
 * The cap one must-have requirement puts on an overall value, or 1 when it is met. It is met when its best
 * direct evidence scores at least `mustHaveThreshold`; otherwise the overall value is capped at the skill's
 * own value and never above `mustHaveUnmetCap` (< 0.5), however strong the related evidence is.
 *
 * @param value the skill's value being combined (its score, or an interval end)
 * @param directScore best pair score over direct evidence only (0 when there is none)
 */
export function mustHaveCap(value: number, directScore: number, c: ScoringConfig): number {
  if (directScore >= c.mustHaveThreshold) return 1;
  return Math.min(value, c.mustHaveUnmetCap);
}
