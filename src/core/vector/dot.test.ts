import { describe, expect, it } from "vitest";
import { dot } from "./dot.js";

describe("dot", () => {
  it("returns 0 for size 0", () => {
    expect(dot(0, new Float32Array(0), 0, new Float32Array(0), 0)).toBe(0);
  });
  it("handles size 1", () => {
    expect(dot(1, new Float32Array([3]), 0, new Float32Array([-2]), 0)).toBe(-6);
  });
  it("handles remainder lengths", () => {
    for (const n of [2, 3, 5, 7, 13]) {
      const x = new Float32Array(n).map((_, i) => i + 1);
      const y = new Float32Array(n).fill(1);
      expect(dot(n, x, 0, y, 0)).toBe((n * (n + 1)) / 2);
    }
  });
  it("respects offsets", () => {
    const x = new Float32Array([9, 9, 1, 2]);
    const y = new Float32Array([3, 4, 9]);
    expect(dot(2, x, 2, y, 0)).toBe(11);
  });
  it("accumulates in float64 over float32 inputs", () => {
    const x = new Float32Array([0.1, 0.2]);
    expect(dot(2, x, 0, x, 0)).toBe(Math.fround(0.1) ** 2 + Math.fround(0.2) ** 2);
  });
});
