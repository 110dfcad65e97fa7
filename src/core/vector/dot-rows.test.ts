import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dot } from "./dot.js";
import { dotRows } from "./dot-rows.js";

describe("dotRows", () => {
  it("returns out untouched for zero rows", () => {
    const out = new Float64Array([7]);
    expect(dotRows(3, new Float32Array(3), [], 0, out)).toBe(out);
    expect(out[0]).toBe(7);
  });

  it("gives 0 for dim 0", () => {
    const out = new Float64Array(5).fill(1);
    dotRows(
      0,
      new Float32Array(0),
      Array.from({ length: 5 }, () => new Float32Array(0)),
      5,
      out,
    );
    expect([...out]).toEqual([0, 0, 0, 0, 0]);
  });

  it("equals dot bit for bit for every row, any row count (remainders of 4) and dim", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 11 }),
        fc.integer(),
        (dim, n, seed) => {
          let h = seed | 1;
          const next = () => {
            h ^= h << 13;
            h ^= h >>> 17;
            h ^= h << 5;
            return (h >>> 0) / 0xffffffff - 0.5;
          };
          const x = Float32Array.from({ length: dim }, next);
          const rows = Array.from({ length: n }, () => Float32Array.from({ length: dim }, next));
          const out = dotRows(dim, x, rows, n, new Float64Array(n));
          for (let i = 0; i < n; i++)
            expect(Object.is(out[i], dot(dim, x, 0, rows[i] as Float32Array, 0))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reads only the first n rows", () => {
    const x = new Float32Array([1, 2]);
    const rows = [new Float32Array([3, 4]), new Float32Array([5, 6]), new Float32Array([7, 8])];
    const out = new Float64Array([0, 0, -1]);
    dotRows(2, x, rows, 2, out);
    expect([...out]).toEqual([11, 17, -1]);
  });
});
