import { describe, expect, it } from "vitest";
import { createPairMemo } from "./pair-memo.js";

describe("createPairMemo", () => {
  it("returns -1 for an unknown pair", () => {
    expect(createPairMemo().find(1, 2)).toBe(-1);
  });

  it("keeps (c, r) and (r, c) apart", () => {
    const memo = createPairMemo();
    memo.store(1, 2, 0.5, 3);
    memo.store(2, 1, 0.25, 4);
    expect(memo.similarity(memo.find(1, 2))).toBe(0.5);
    expect(memo.code(memo.find(1, 2))).toBe(3);
    expect(memo.similarity(memo.find(2, 1))).toBe(0.25);
    expect(memo.code(memo.find(2, 1))).toBe(4);
  });

  it("finds every stored pair after growing past its initial size", () => {
    const memo = createPairMemo();
    for (let c = 0; c < 200; c++)
      for (let r = 0; r < 50; r++) memo.store(c, r, (c * 50 + r) / 10_000, (c + r) % 8);
    for (let c = 0; c < 200; c++) {
      for (let r = 0; r < 50; r++) {
        const slot = memo.find(c, r);
        expect(slot).toBeGreaterThanOrEqual(0);
        expect(memo.similarity(slot)).toBe((c * 50 + r) / 10_000);
        expect(memo.code(slot)).toBe((c + r) % 8);
      }
    }
    expect(memo.find(200, 0)).toBe(-1);
  });

  it("holds a candidate id from its first stored pair until the memo starts over", () => {
    const memo = createPairMemo();
    expect(memo.holds(7)).toBe(false);
    memo.store(7, 1, 0.5, 3);
    expect(memo.holds(7)).toBe(true);
    expect(memo.holds(1)).toBe(false);
    // Past MAX_SLOTS / 2 pairs the memo starts over, and forgets the ids with its pairs.
    for (let c = 100; c < 100 + (1 << 19) / 64; c++) for (let r = 0; r < 64; r++) memo.store(c, r, 0.1, 0);
    memo.store(3, 3, 0.2, 0);
    expect(memo.find(7, 1)).toBe(-1);
    expect(memo.holds(7)).toBe(false);
    expect(memo.holds(3)).toBe(true);
  });
});
