import { describe, expect, it } from "vitest";
import { meanOfDefined } from "./mean-of-defined.js";

describe("meanOfDefined", () => {
  it("returns NaN for no values", () => {
    expect(meanOfDefined([])).toBeNaN();
  });

  it("returns NaN when every value is NaN", () => {
    expect(meanOfDefined([Number.NaN])).toBeNaN();
  });

  it("leaves NaN out of the mean", () => {
    expect(meanOfDefined([1, Number.NaN, 0.5])).toBe(0.75);
  });
});
