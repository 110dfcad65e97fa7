/** Euler–Mascheroni constant, for the harmonic number H_n ≈ ln n + γ + 1/(2n). */
const EULER_GAMMA = 0.5772156649015329;

/**
 * Creates the SIF weight of a word from its frequency rank (Arora et al. 2017): w = a / (a + p(w)).
 * The source has no counts, only the rank order, so p(w) follows Zipf's law with exponent 1 over the
 * vocabulary: p(rank r, 0-based) = 1 / ((r + 1) · H_n). For n = 341,479, H_n ≈ 13.3, so "the" gets
 * p ≈ 0.075 (w ≈ 0.013 with a = 1e-3), rank 100 gets w ≈ 0.57 and rank 1,000 w ≈ 0.93.
 *
 * @param a smoothing constant (SIF_A)
 * @param vocabularySize number of ranked words n (≥ 1)
 * @returns weight of rank r in (0, 1)
 * @example createSifWeight(1e-3, 341479)(0) // ≈ 0.0132
 */
export function createSifWeight(a: number, vocabularySize: number): (rank: number) => number {
  const n = Math.max(1, vocabularySize);
  const harmonic = Math.log(n) + EULER_GAMMA + 1 / (2 * n);
  const aTimesH = a * harmonic;
  // a / (a + 1/((r+1)H)) = a·H·(r+1) / (a·H·(r+1) + 1)
  return (rank) => {
    const x = aTimesH * (rank + 1);
    return x / (x + 1);
  };
}
