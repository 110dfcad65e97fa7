/** Mean α/(α+β) of a Beta distribution. Returns NaN if α <= 0 or β <= 0. @example betaMean(9, 3) // 0.75 */
export function betaMean(alpha: number, beta: number): number {
  if (!(alpha > 0 && beta > 0)) return Number.NaN;
  return alpha / (alpha + beta);
}
