import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ceilFloat32, listAbove } from "./list-above.js";

/** The next 32-bit float above a positive float32 `f`. */
function nextUp32(f: number): number {
  const bits = new Uint32Array(Float32Array.of(f).buffer);
  bits[0] = bits[0]! + 1;
  return new Float32Array(bits.buffer)[0]!;
}

describe("ceilFloat32", () => {
  it("is a float32 at or above the value, at most two float32 steps above the nearest one", () => {
    fc.assert(
      fc.property(fc.double({ min: 2 ** -126, max: 1e30, noNaN: true }), (v) => {
        const up = ceilFloat32(v);
        expect(Math.fround(up)).toBe(up);
        expect(up).toBeGreaterThanOrEqual(v);
        const nearest = Math.fround(v);
        expect(up).toBeLessThanOrEqual(nextUp32(nextUp32(nearest)));
      }),
      { numRuns: 20_000 },
    );
  });

  it("keeps values a float32 holds, such as 0 and small integers", () => {
    for (const v of [0, 1, 2, 19, 0.5, 0.25]) expect(ceilFloat32(v)).toBe(v);
  });
});

describe("listAbove", () => {
  it("lists the indices above the threshold with values no lower than given", () => {
    const out = new Float32Array(8);
    const m = listAbove(Float64Array.of(0.1, 0.5, 0.9, 0.2), 0, 4, 0.2, out, 1);
    expect(m).toBe(2);
    expect([out[1], out[3]]).toEqual([1, 2]);
    expect(out[2]).toBeGreaterThanOrEqual(0.5);
    expect(out[4]).toBeGreaterThanOrEqual(0.9);
    expect(out[4]! - 0.9).toBeLessThan(1e-7);
  });
});
