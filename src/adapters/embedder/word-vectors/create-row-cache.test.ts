import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../../profiling/mulberry32.js";
import { createRowCache } from "./create-row-cache.js";
import type { WordStore } from "./load-store.js";

const DIM = 7;

/** A store whose row i holds bytes derived from i, counting its reads (only `row` is read by the cache). */
function countingStore(): { store: WordStore; reads: number[] } {
  const reads: number[] = [];
  const store = {
    row(i: number, out: Int8Array) {
      reads.push(i);
      for (let d = 0; d < out.length; d++) out[d] = ((i * 31 + d * 7) % 255) - 127;
    },
  } as unknown as WordStore;
  return { store, reads };
}

function expectRow(data: Int8Array, at: number, row: number): void {
  for (let d = 0; d < DIM; d++) expect(data[at + d]).toBe(((row * 31 + d * 7) % 255) - 127);
}

describe("createRowCache", () => {
  it("reads each row once while the rows fit, whatever their numbers (no two collide)", () => {
    const { store, reads } = countingStore();
    const cache = createRowCache(DIM, 8);
    // Same low bits: a direct-mapped cache of 8 would read every one of these again.
    const rows = [0, 8, 16, 24, 4096, 8192, 3, 11];
    for (let round = 0; round < 3; round++)
      for (const row of rows) expectRow(cache.data, cache.at(store, row), row);
    expect(reads).toEqual(rows);
  });

  it("starts over when full and still gives every row its bytes, over random reads", () => {
    const { store, reads } = countingStore();
    const cache = createRowCache(DIM, 16);
    const random = mulberry32(7);
    for (let k = 0; k < 2000; k++) {
      const row = Math.floor(random() * 40) * 1024 + (k % 3);
      expectRow(cache.data, cache.at(store, row), row);
    }
    expect(reads.length).toBeGreaterThan(16);
    expect(cache.data.length).toBe(16 * DIM);
  });
});
