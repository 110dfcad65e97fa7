/**
 * How far a candidate's level ratio goes towards the required one: min(1, r / t), and 1 when nothing is
 * required (t = 0). Scales cancel, so 8/10 against 4/5 is 1.
 *
 * @example levelRatio(0.4, 0.8) // 0.5
 */
export function levelRatio(candidateRatio: number, requiredRatio: number): number {
  if (!(requiredRatio > 0)) return 1;
  const u = candidateRatio / requiredRatio;
  return u >= 1 ? 1 : u;
}
