import { describe, expect, it } from "vitest";
import { orderedPipeline } from "./ordered-pipeline.js";

async function* numbers(n: number, pulled: number[]): AsyncGenerator<number> {
  for (let i = 0; i < n; i++) {
    pulled.push(i);
    yield i;
  }
}

describe("orderedPipeline", () => {
  it("delivers results in input order even when work finishes out of order", async () => {
    const out: number[] = [];
    const resolvers: (() => void)[] = [];
    const work = (i: number) =>
      new Promise<number>((resolve) => {
        resolvers.push(() => resolve(i * 10));
        // finish in reverse order of submission within each window
        if (resolvers.length === 3) for (const r of resolvers.splice(0).reverse()) r();
      });
    await orderedPipeline(numbers(6, []), work, 3, async (r) => {
      out.push(r);
    });
    expect(out).toEqual([0, 10, 20, 30, 40, 50]);
  });

  it("never has more than maxInFlight calls pending", async () => {
    let pending = 0;
    let peak = 0;
    const work = async (i: number) => {
      pending++;
      peak = Math.max(peak, pending);
      await Promise.resolve();
      pending--;
      return i;
    };
    await orderedPipeline(numbers(100, []), work, 4, async () => {});
    expect(peak).toBeLessThanOrEqual(4);
  });

  it("stops pulling the source while the sink is blocked", async () => {
    const pulled: number[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const run = orderedPipeline(
      numbers(1_000, pulled),
      async (i) => i,
      2,
      async () => gate,
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(pulled.length).toBeLessThanOrEqual(3);
    release();
    await run;
    expect(pulled.length).toBe(1_000);
  });

  it("propagates the first failure in input order", async () => {
    const work = async (i: number) => {
      if (i === 2) throw new Error("boom at 2");
      return i;
    };
    await expect(orderedPipeline(numbers(5, []), work, 2, async () => {})).rejects.toThrow("boom at 2");
  });
});
