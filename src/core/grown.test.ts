import { describe, expect, it } from "vitest";
import { grown } from "./grown.js";

describe("grown", () => {
  it("copies into a longer array of the same type, zeros after the copy, and leaves the original alone", () => {
    const a = Float64Array.of(0.5, -1);
    const b = grown(a, 4);
    expect(b).toBeInstanceOf(Float64Array);
    expect([...b]).toEqual([0.5, -1, 0, 0]);
    b[0] = 9;
    expect(a[0]).toBe(0.5);
    expect([...grown(Int32Array.of(-7), 2)]).toEqual([-7, 0]);
    expect(grown(Uint8Array.of(255), 3)).toEqual(Uint8Array.of(255, 0, 0));
  });
});
