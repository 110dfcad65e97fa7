/**
 * The q-quantile of a distribution on [0,1] from its CDF at grid points x_k = k/grid: binary search for the
 * first grid point where the CDF reaches q, then linear interpolation from the point before it. With
 * grid = 512 the error against exact root-finding is below 2e-3 for our Beta mixtures (beta.test.ts).
 *
 * @param cdfAt CDF at grid point k, for 1 <= k <= grid (F(0) = 0 is implied)
 * @example gridQuantile(0.5, 4, (k) => k / 4) // 0.5
 */
export function gridQuantile(q: number, grid: number, cdfAt: (k: number) => number): number {
  let lo = 1;
  let hi = grid;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdfAt(mid) >= q) hi = mid;
    else lo = mid + 1;
  }
  const fPrev = lo === 1 ? 0 : cdfAt(lo - 1);
  const f = cdfAt(lo);
  return (lo - 1 + (f > fPrev ? (q - fPrev) / (f - fPrev) : 0)) / grid;
}
