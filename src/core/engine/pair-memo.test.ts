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
});
