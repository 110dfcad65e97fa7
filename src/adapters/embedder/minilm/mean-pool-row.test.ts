import { describe, expect, it } from "vitest";
import { meanPoolRow } from "./mean-pool-row.js";

// batch 2, seq 3, dim 2; sequence 1 has one padding position whose huge values must not leak in.
const HIDDEN = Float32Array.from([3, 0, 1, 2, 2, 1, /* seq 1 */ 0, 4, 6, 2, 1000, -1000]);
const MASK = BigInt64Array.from([1n, 1n, 1n, 1n, 1n, 0n]);

describe("meanPoolRow", () => {
  it("averages the unmasked positions and L2-normalises the mean", () => {
    const out = meanPoolRow(HIDDEN, MASK, 0, 3, 2, new Float32Array(2), 0);
    // mean = (2, 1), norm = sqrt(5)
    expect(out[0]).toBeCloseTo(2 / Math.sqrt(5), 6);
    expect(out[1]).toBeCloseTo(1 / Math.sqrt(5), 6);
  });

  it("ignores padding positions where the mask is 0", () => {
    const out = meanPoolRow(HIDDEN, MASK, 1, 3, 2, new Float32Array(2), 0);
    // mean of (0, 4) and (6, 2) = (3, 3)
    expect(out[0]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(out[1]).toBeCloseTo(Math.SQRT1_2, 6);
  });

  it("writes at the offset and leaves the rest of out untouched", () => {
    const out = Float32Array.from([9, 9, 7, 7, 9]);
    meanPoolRow(HIDDEN, [1, 1, 0, 1, 1, 0], 1, 3, 2, out, 2);
    expect(Array.from(out.subarray(0, 2))).toEqual([9, 9]);
    expect(out[4]).toBe(9);
    expect(out[2]).toBeCloseTo(Math.SQRT1_2, 6);
  });

  it("gives a zero row for an all-zero mask or a zero mean", () => {
    const zeroMask = meanPoolRow(HIDDEN, [0, 0, 0, 0, 0, 0], 0, 3, 2, Float32Array.from([5, 5]), 0);
    expect(Array.from(zeroMask)).toEqual([0, 0]);
    const zeroMean = meanPoolRow(Float32Array.from([1, -1, -1, 1]), [1, 1], 0, 2, 2, new Float32Array(2), 0);
    expect(Array.from(zeroMean)).toEqual([0, 0]);
  });

  it("handles dim 1 and a single position", () => {
    expect(Array.from(meanPoolRow(Float32Array.from([-0.5]), [1], 0, 1, 1, new Float32Array(1), 0))).toEqual([
      -1,
    ]);
  });
});
