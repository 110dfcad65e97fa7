import { describe, expect, it } from "vitest";
import {
  computeShapeTableSeed,
  decodeShapeTableSeed,
  encodeShapeTableSeed,
  levelRatios,
} from "./shape-table-seed.js";
import { createShapeTables } from "./shape-tables.js";

const CONCENTRATION = 12;
const GRID = 64;
const P = 0.25;

describe("levelRatios", () => {
  it("lists every level ratio of scales up to max once, increasing, as the same doubles a level gives", () => {
    const ratios = levelRatios(10);
    expect(ratios.length).toBe(33);
    expect([...ratios]).toEqual([...ratios].sort((a, b) => a - b));
    for (const [value, max] of [
      [3, 5],
      [6, 10],
      [1, 3],
      [7, 9],
      [0, 4],
      [4, 4],
    ] as const)
      expect(ratios.includes(value / max), `${value}/${max}`).toBe(true);
  });
});

describe("a shape-table seed", () => {
  const ratios = levelRatios(5);
  const seed = computeShapeTableSeed(CONCENTRATION, GRID, P, ratios);

  it("gives tables that read bit for bit as the ones computed on first need", () => {
    const seeded = createShapeTables(CONCENTRATION, GRID, P, seed);
    const lazy = createShapeTables(CONCENTRATION, GRID, P);
    for (const ratio of ratios) {
      const table = seeded.table(ratio)!;
      for (let k = 0; k <= GRID; k++) {
        expect(Object.is(table[k], lazy.gridCdf(ratio, k)), `${ratio} @ ${k}`).toBe(true);
        expect(Object.is(seeded.gridCdf(ratio, k), lazy.gridCdf(ratio, k))).toBe(true);
      }
      for (const x of ratios) expect(Object.is(seeded.cdfAt(ratio, x), lazy.cdfAt(ratio, x))).toBe(true);
      expect(Object.is(seeded.quantile(ratio), lazy.quantile(ratio))).toBe(true);
    }
    // A ratio the seed lacks is computed, as without a seed.
    expect(seeded.gridCdf(0.55, 7)).toBe(lazy.gridCdf(0.55, 7));
  });

  it("survives encoding and decoding unchanged", () => {
    const back = decodeShapeTableSeed(encodeShapeTableSeed(seed))!;
    expect(back.concentration).toBe(CONCENTRATION);
    expect(back.grid).toBe(GRID);
    expect(back.p).toBe(P);
    for (const key of ["ratios", "grids", "thresholds", "quantiles"] as const)
      expect([...back[key]], key).toEqual([...seed[key]]);
  });

  it("decodes from a buffer at any byte offset (as readFileSync may give)", () => {
    const bytes = encodeShapeTableSeed(seed);
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    expect([...decodeShapeTableSeed(shifted.subarray(3))!.grids]).toEqual([...seed.grids]);
  });

  it("is not decoded from a truncated file or another format", () => {
    const bytes = encodeShapeTableSeed(seed);
    expect(decodeShapeTableSeed(bytes.subarray(0, bytes.length - 8))).toBeUndefined();
    expect(decodeShapeTableSeed(bytes.subarray(0, 13))).toBeUndefined();
    expect(decodeShapeTableSeed(new Uint8Array(bytes.length))).toBeUndefined();
  });

  it("is not used for another concentration or grid, nor its quantiles for another p", () => {
    const other = createShapeTables(CONCENTRATION + 1, GRID, P, seed);
    const lazy = createShapeTables(CONCENTRATION + 1, GRID, P);
    expect(other.gridCdf(0.6, 10)).toBe(lazy.gridCdf(0.6, 10));
    expect(other.gridCdf(0.6, 10)).not.toBe(seed.grids[ratios.indexOf(0.6) * (GRID + 1) + 10]);
    const otherP = createShapeTables(CONCENTRATION, GRID, 0.3, seed);
    expect(otherP.quantile(0.6)).toBe(createShapeTables(CONCENTRATION, GRID, 0.3).quantile(0.6));
  });
});
