import { describe, expect, it } from "vitest";
import fixtures from "../../../test/fixtures/beta/scipy-beta.json" with { type: "json" };
import { betaCdf } from "./beta-cdf.js";
import { betaMean } from "./beta-mean.js";
import { betaAlpha, betaBeta } from "./beta-shape.js";
import { betaVariance } from "./beta-variance.js";
import { gridQuantile } from "./grid-quantile.js";

const EPS = Number.EPSILON;

function expectClose(actual: number, expected: number, tolEps: number): void {
  const tol = tolEps * EPS * Math.max(1, Math.abs(expected));
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol);
}

describe("beta kernels against SciPy", () => {
  it("computes the mean within 4 ulp", () => {
    for (const c of fixtures.cases) expectClose(betaMean(c.alpha, c.beta), c.mean, 4);
  });
  it("computes the variance within 16 ulp", () => {
    for (const c of fixtures.cases) expectClose(betaVariance(c.alpha, c.beta), c.variance, 16);
  });
  it("computes the cdf within 1e-12", () => {
    for (const c of fixtures.cases)
      expect(Math.abs(betaCdf(c.x, c.alpha, c.beta) - c.cdf)).toBeLessThan(1e-12);
  });
  it("returns NaN if alpha <= 0 or beta <= 0", () => {
    expect(betaMean(0, 1)).toBeNaN();
    expect(betaMean(1, -1)).toBeNaN();
    expect(betaVariance(0, 1)).toBeNaN();
    expect(betaVariance(1, Number.NaN)).toBeNaN();
  });
});

describe("beta shape", () => {
  it("puts the mode on the level ratio and keeps alpha, beta >= 1 at both ends", () => {
    for (const r of [0, 0.25, 0.5, 1]) {
      const a = betaAlpha(r, 12);
      const b = betaBeta(r, 12);
      expect(a).toBeGreaterThanOrEqual(1);
      expect(b).toBeGreaterThanOrEqual(1);
      expect(a + b).toBe(12);
      if (a > 1 && b > 1) expectClose((a - 1) / (a + b - 2), r, 4);
    }
  });
});

describe("gridQuantile on Beta mixtures", () => {
  it("agrees with SciPy root-finding within 2e-3 at grid 512", () => {
    const grid = 512;
    for (const m of fixtures.mixtures) {
      const cdfAt = (k: number) =>
        m.ratios.reduce(
          (f, r, i) => f + (m.weights[i] as number) * betaCdf(k / grid, betaAlpha(r, 12), betaBeta(r, 12)),
          0,
        );
      expect(Math.abs(gridQuantile(0.025, grid, cdfAt) - m.qLow)).toBeLessThan(2e-3);
      expect(Math.abs(gridQuantile(0.975, grid, cdfAt) - m.qHigh)).toBeLessThan(2e-3);
    }
  });
  it("interpolates a uniform CDF exactly", () => {
    expect(gridQuantile(0.5, 4, (k) => k / 4)).toBe(0.5);
    expect(gridQuantile(0.1, 10, (k) => k / 10)).toBeCloseTo(0.1, 15);
  });
});
