import { describe, expect, it } from "vitest";
import { createTopK } from "./top-k.js";

describe("createTopK", () => {
  it("keeps the best k by score, ties in input order", () => {
    const top = createTopK<string>(3);
    const scores = [0.5, 0.9, 0.1, 0.9, 0.7, 0.5];
    for (const [index, score] of scores.entries()) top.push({ score, index, value: `c${index}` });
    expect(top.sorted().map((e) => e.value)).toEqual(["c1", "c3", "c4"]);
    expect(top.size).toBe(3);
  });

  it("keeps everything, sorted, when the limit is Infinity", () => {
    const top = createTopK<number>(Number.POSITIVE_INFINITY);
    for (const [index, score] of [0.2, 0.8, 0.2, 0.4].entries()) top.push({ score, index, value: index });
    expect(top.sorted().map((e) => e.value)).toEqual([1, 3, 0, 2]);
  });

  it("agrees with a full sort on many random scores", () => {
    let seed = 42;
    const next = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return Math.floor((seed / 2 ** 31) * 50) / 50; // many ties
    };
    const all = Array.from({ length: 2_000 }, (_, index) => ({ score: next(), index, value: index }));
    const top = createTopK<number>(25);
    for (const e of all) top.push(e);
    const expected = [...all].sort((a, b) => b.score - a.score || a.index - b.index).slice(0, 25);
    expect(top.sorted()).toEqual(expected);
  });

  it("holds nothing with a limit of 0", () => {
    const top = createTopK<number>(0);
    top.push({ score: 1, index: 0, value: 0 });
    expect(top.sorted()).toEqual([]);
  });

  it("bar: -Infinity until full, then the worst kept score", () => {
    const top = createTopK<number>(2);
    expect(top.bar).toBe(Number.NEGATIVE_INFINITY);
    top.push({ score: 0.4, index: 0, value: 0 });
    expect(top.bar).toBe(Number.NEGATIVE_INFINITY);
    top.push({ score: 0.9, index: 1, value: 1 });
    expect(top.bar).toBe(0.4);
    top.push({ score: 0.6, index: 2, value: 2 });
    expect(top.bar).toBe(0.6);
    expect(createTopK<number>(Number.POSITIVE_INFINITY).bar).toBe(Number.NEGATIVE_INFINITY);
  });
});
