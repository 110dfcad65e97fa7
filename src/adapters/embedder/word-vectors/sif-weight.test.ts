import { describe, expect, it } from "vitest";
import { createSifWeight } from "./sif-weight.js";

describe("createSifWeight", () => {
  const weight = createSifWeight(1e-3, 341_479);

  it("gives a / (a + p) with Zipf p(r) = 1 / ((r + 1) H_n)", () => {
    let harmonic = 0;
    for (let k = 1; k <= 341_479; k++) harmonic += 1 / k;
    for (const rank of [0, 9, 99, 999, 341_478]) {
      const p = 1 / ((rank + 1) * harmonic);
      expect(weight(rank)).toBeCloseTo(1e-3 / (1e-3 + p), 9);
    }
  });

  it("increases with rank and stays in (0, 1)", () => {
    expect(weight(0)).toBeGreaterThan(0);
    expect(weight(0)).toBeLessThan(weight(100));
    expect(weight(100)).toBeLessThan(weight(10_000));
    expect(weight(341_478)).toBeLessThan(1);
  });
});
