import type { ScoringConfig } from "./scoring-config.js";

/**
 * Upstream's coherence bonus amount (0.05–0.07, by domain agreement) or 0 when its conditions fail:
 * at least `coherenceMinSkills` skills on both sides, mean best similarity and domain agreement above
 * their minimums. Depends on similarities only, never on levels, so it cannot break monotonicity.
 */
export function coherenceBonus(
  candidateCount: number,
  requiredCount: number,
  meanBestSimilarity: number,
  domainAgreement: number,
  c: ScoringConfig,
): number {
  if (candidateCount < c.coherenceMinSkills || requiredCount < c.coherenceMinSkills) return 0;
  if (
    !(meanBestSimilarity > c.coherenceMinMeanSimilarity) ||
    !(domainAgreement > c.coherenceMinDomainAgreement)
  )
    return 0;
  const x = (domainAgreement - c.coherenceMinDomainAgreement) / (1 - c.coherenceMinDomainAgreement);
  return c.coherenceBonusMin + (c.coherenceBonusMax - c.coherenceBonusMin) * (x >= 1 ? 1 : x);
}

/**
 * Adds `bonus` to a base score in [coherenceBaseLow, coherenceBaseHigh] and tapers it above, so that
 * base + bonus never decreases as base grows (upstream's hard window would make a better candidate score lower).
 */
export function applyCoherenceBonus(base: number, bonus: number, c: ScoringConfig): number {
  if (bonus <= 0 || base < c.coherenceBaseLow) return base;
  const room = c.coherenceBaseHigh + bonus - base;
  const add = room >= bonus ? bonus : room > 0 ? room : 0;
  const out = base + add;
  return out >= 1 ? 1 : out;
}
